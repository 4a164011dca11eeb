"""axe-core (pinned in package-lock.json, installed by `make setup` with npm ci) run inside the page in Chromium:
the WCAG 2.0/2.1 A and AA rules. Nothing is fetched at run time; without node_modules the check fails and says
how to install it, rather than passing unchecked."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_source: str | None = None


def _axe_source() -> str:
    global _source
    if _source is None:
        assert AXE.exists(), f"ไม่มี {AXE} — ติดตั้งด้วย `make setup` (npm ci)"
        _source = AXE.read_text(encoding="utf-8")
    return _source


def violations(driver) -> list[dict]:
    """axe's violations on the page as it is now: [{id, impact, help, nodes: [html, …]}, …]."""
    driver.execute_script(_axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        "  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "     nodes: v.nodes.map(n => n.html + ' — ' + n.failureSummary)}))))"
        "  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));",
        TAGS)
    return result


def describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def assert_accessible(ui, label: str = "") -> None:
    found = violations(ui.driver)
    assert found == [], f"axe-core พบปัญหาการเข้าถึงที่ {label or ui.path}:\n{describe(found)}"


def tab_order(driver, presses: int) -> list[str]:
    """Press Tab `presses` times from the top of the page; describe each element that took the focus."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    seen = []
    for _ in range(presses):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        seen.append(driver.execute_script(DESCRIBE_FOCUSED))
    return seen


DESCRIBE_FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body) return '';
const r = e.getBoundingClientRect(), s = getComputedStyle(e);
const shown = r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none';
return [e.tagName.toLowerCase(), (e.getAttribute('href') || e.getAttribute('name') || e.id || ''),
        shown ? 'shown' : 'HIDDEN', ring ? 'ring' : 'NO-RING'].join('|');
"""

FOCUSABLE_IN_ORDER = """
return Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea'))
  .filter(e => !e.disabled && e.tabIndex >= 0 && getComputedStyle(e).visibility !== 'hidden' &&
               (e.offsetParent !== null || e.classList.contains('skip')))
  .map(e => [e.tagName.toLowerCase(), (e.getAttribute('href') || e.getAttribute('name') || e.id || '')].join('|'));
"""
