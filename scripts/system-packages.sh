#!/usr/bin/env bash
# Installs the Debian packages Prasan needs (idempotent): PostgreSQL, Chromium + driver,
# Tesseract with Thai, poppler, gettext (compiles the Thai messages), and the libraries WeasyPrint renders with.
# --bench adds LibreOffice Writer (headless, no GUI: ~260 MB installed), which only the document bench
# and the PRASAN_LIBREOFFICE=1 page make-up tests use to lay out DOCX files as an office PC would.
set -euo pipefail
packages=(postgresql postgresql-contrib chromium chromium-driver tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng
          poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-thai-tlwg)
# npm installs axe-core for the browser tests' accessibility checks (make js-packages); any Node will do.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "${1:-}" = "--bench" ]; then
  command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "ต้องติดตั้งแพ็กเกจระบบ (ต้องใช้สิทธิ์ root): ${missing[*]}" >&2
  exit 1
fi
echo "ติดตั้งแพ็กเกจระบบ: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
