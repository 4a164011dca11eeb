"""A person at the browser: find things by the Thai words on screen, fill forms, wait for the next page."""

from pathlib import Path

from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.conftest import PASSWORD

WAIT_SECONDS = 20


def _literal(text: str) -> str:
    """An XPath string literal for text that may hold either kind of quote."""
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", '\"', ".join(f'"{part}"' for part in text.split('"')) + ")"


class UI:
    def __init__(self, driver, base_url: str, screenshots: Path, *, phone: bool):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.screenshots = screenshots
        self.phone = phone

    # -- moving between pages -------------------------------------------------
    def visit(self, path_or_url: str) -> "UI":
        url = path_or_url if "://" in path_or_url else self.base_url + path_or_url
        self.driver.get(url)
        self._settled()
        return self

    def _settled(self):
        # Loaded, and what htmx fetches after the page (the header's count of what awaits me) is in and settled.
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script(
                "return document.readyState === 'complete'"
                " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')")
        )

    def _navigate_by(self, element):
        """Click something that loads a new page and wait until the new page is there."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        wait_gone(self.driver, page)
        self._settled()

    def wait_for_title(self, title: str, seconds: float = WAIT_SECONDS) -> "UI":
        """Wait until the page's heading reads title, across the page reloading itself meanwhile."""
        WebDriverWait(self.driver, seconds).until(lambda d: _heading(d) == title)
        return self

    @property
    def path(self) -> str:
        return self.driver.current_url.removeprefix(self.base_url)

    # -- finding by what a person reads ----------------------------------------
    def link(self, text: str, within=None):
        scope = within or self.driver
        return scope.find_element(By.XPATH, f".//a[normalize-space()={_literal(text)}]")

    def button(self, text: str, within=None):
        scope = within or self.driver
        return scope.find_element(By.XPATH, f".//button[normalize-space()={_literal(text)}]")

    def buttons(self) -> list[str]:
        return [b.text.strip() for b in self.driver.find_elements(By.TAG_NAME, "button") if b.text.strip()]

    def summaries(self) -> list[str]:
        return [s.text.strip() for s in self.driver.find_elements(By.TAG_NAME, "summary") if s.text.strip()]

    def has_link(self, text: str) -> bool:
        try:
            self.link(text)
        except NoSuchElementException:
            return False
        return True

    def click_link(self, text: str) -> "UI":
        self._navigate_by(self.link(text))
        return self

    def press(self, text: str, within=None) -> "UI":
        """Press a submit button and wait for the page it leads to."""
        self._navigate_by(self.button(text, within))
        return self

    def open_action(self, label: str):
        """Open a workflow action that asks for a message (a <details>); return its form."""
        summary = self.driver.find_element(By.XPATH, f"//details/summary[normalize-space()={_literal(label)}]")
        details = summary.find_element(By.XPATH, "./..")
        if details.get_attribute("open") is None:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
            summary.click()
        return details.find_element(By.TAG_NAME, "form")

    # -- filling forms ----------------------------------------------------------
    def field(self, element_id: str):
        return self.driver.find_element(By.ID, element_id)

    def fill(self, element_id: str, value: str) -> "UI":
        element = self.field(element_id)
        element.clear()
        element.send_keys(value)
        return self

    def value(self, element_id: str) -> str:
        return self.field(element_id).get_attribute("value")

    def choose(self, label: str, name: str | None = None) -> "UI":
        """Tick a radio button or checkbox by the text of its label."""
        condition = f"normalize-space()={_literal(label)}"
        if name:
            condition += f" and .//input[@name={_literal(name)}]"
        element = self.driver.find_element(By.XPATH, f"//label[{condition}]")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        return self

    def pick(self, element_id: str, visible_text: str) -> "UI":
        Select(self.field(element_id)).select_by_visible_text(visible_text)
        return self

    def picked(self, element_id: str) -> str:
        return Select(self.field(element_id)).first_selected_option.text

    def attach(self, element_id: str, path: Path) -> "UI":
        self.field(element_id).send_keys(str(path))
        return self

    # -- reading the page -------------------------------------------------------
    @property
    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    @property
    def title(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def shows(self, *texts: str) -> "UI":
        """Assert the page says each text; on failure show the whole page's text."""
        page = self.text
        for text in texts:
            assert text in page, f"ไม่พบ “{text}” ใน {self.path}:\n{page}"
        return self

    def state(self) -> str:
        return self.field("matter-state").text

    def timeline(self) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, "ol.timeline").text

    def errors(self) -> list[str]:
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".errorlist") if e.text]

    # -- people -----------------------------------------------------------------
    def login(self, username: str, password: str = PASSWORD) -> "UI":
        self.visit("/login/")
        self.fill("id_username", username).fill("id_password", password)
        self.press("เข้าสู่ระบบ")
        assert "/login/" not in self.path, f"เข้าสู่ระบบไม่สำเร็จ: {self.errors()}"
        return self

    def logout(self) -> "UI":
        self.press("ออกจากระบบ")
        assert "/login/" in self.path
        return self

    # -- looking at it ------------------------------------------------------------
    def screenshot(self, name: str) -> Path:
        """Save the whole page (not just the viewport) as var/screenshots/<name>.png."""
        target = self.screenshots / f"{name}.png"
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        if self.phone:
            width = self.driver.execute_script("return window.innerWidth")
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
            self.driver.save_screenshot(str(target))
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        else:
            size = self.driver.get_window_size()
            self.driver.set_window_size(size["width"], max(height + 150, size["height"]))
            self.driver.save_screenshot(str(target))
            self.driver.set_window_size(size["width"], size["height"])
        return target

    def assert_styled(self):
        """The stylesheet and the Sarabun font really loaded (a 404 on static files shows as plain HTML)."""
        font = self.driver.execute_script("return getComputedStyle(document.body).fontFamily")
        assert "Sarabun" in font, f"ไม่ได้โหลด prasan.css (font-family: {font})"
        loaded = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "document.fonts.ready.then(() => done(document.fonts.check('16px Sarabun', 'ก')));"
        )
        assert loaded, "ไม่ได้โหลดฟอนต์ Sarabun"

    def assert_fits_phone(self):
        """Nothing on the page is wider than the phone's screen (no sideways scrolling)."""
        scroll, inner = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll <= inner, f"{self.path}: หน้ากว้าง {scroll}px เกินจอ {inner}px"


def _heading(driver) -> str | None:
    """The h1's text now, or None while a page is between loads (its nodes going or not yet there)."""
    try:
        return driver.execute_script("const h = document.querySelector('h1'); return h && h.innerText.trim();")
    except WebDriverException:
        return None


def wait_gone(driver, element, seconds: float = WAIT_SECONDS):
    """Wait until the page element belongs to has been replaced by the next one."""
    WebDriverWait(driver, seconds).until(lambda d: _detached(element))


def _detached(element) -> bool:
    """True once the old page is gone; Chromium sometimes reports a node removed mid-navigation as an
    inspector error instead of a stale element, which means the same thing here."""
    try:
        element.is_enabled()
    except WebDriverException:
        return True
    return False
