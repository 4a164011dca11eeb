"""The office's signing certificate: read from its PKCS#12 file and checked before anything is numbered.

The file and its password come from the environment (PRASAN_SIGNING_P12, PRASAN_SIGNING_P12_PASSWORD).
Without them, the demo office's certificate made by `prasan demo` under the data dir is used and said
to be a demo; without either, signing is refused, because a signed PDF that carries no digital
signature would look the same as one that does.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DEMO_P12 = "demo-office.p12"
DEMO_PASSWORD = "demo-office.password"
DEMO_CA = "demo-ca.pem"
DEMO_MARK = "ใบรับรองสาธิต"


class CertificateError(Exception):
    """A Thai sentence saying why the office's certificate cannot sign."""


@dataclass(frozen=True)
class OfficeCertificate:
    """The key and certificate that sign, with what the pages say about them."""

    p12: bytes
    password: bytes
    subject: str
    issuer: str
    not_after: dt.datetime
    demo: bool
    chain: tuple  # the other certificates in the file (cryptography x509), e.g. the issuing CA

    def signer(self):
        from pyhanko.sign import signers

        return signers.SimpleSigner.load_pkcs12_data(self.p12, other_certs=[], passphrase=self.password)


def _source() -> tuple[Path, bytes, bool]:
    if settings.SIGNING_P12:
        return Path(settings.SIGNING_P12), settings.SIGNING_P12_PASSWORD.encode(), False
    folder = Path(settings.SIGNING_DEMO_DIR)
    if (folder / DEMO_P12).exists():
        try:
            password = (folder / DEMO_PASSWORD).read_text().strip().encode()
        except OSError:
            password = b""
        return folder / DEMO_P12, password, True
    raise CertificateError(
        "ยังไม่ได้ตั้งค่าใบรับรองอิเล็กทรอนิกส์ของสำนักงาน จึงลงนามไม่ได้ — ผู้ดูแลระบบต้องกำหนด "
        "PRASAN_SIGNING_P12 และ PRASAN_SIGNING_P12_PASSWORD")


def _name(name) -> str:
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return name.rfc4514_string()


def load(now: dt.datetime | None = None, *, in_date: bool = True) -> OfficeCertificate:
    """The office's certificate, opened and (unless ``in_date`` is False: checking old signatures
    still trusts the office's own CA) in date, or CertificateError in Thai."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    from prasan.thai.dates import thai_date

    path, password, demo = _source()
    try:
        data = path.read_bytes()
    except OSError:
        raise CertificateError("อ่านไฟล์ใบรับรองอิเล็กทรอนิกส์ของสำนักงานไม่ได้ กรุณาแจ้งผู้ดูแลระบบ") from None
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError:
        raise CertificateError("เปิดใบรับรองอิเล็กทรอนิกส์ของสำนักงานไม่ได้: รหัสผ่านของใบรับรองไม่ถูกต้อง "
                               "(หรือไฟล์ไม่ใช่ PKCS#12) กรุณาแจ้งผู้ดูแลระบบ") from None
    if key is None or cert is None:
        raise CertificateError("ไฟล์ใบรับรองของสำนักงานไม่มีกุญแจส่วนตัวหรือใบรับรอง กรุณาแจ้งผู้ดูแลระบบ")
    now = now or dt.datetime.now(dt.UTC)
    if in_date and now < cert.not_valid_before_utc:
        raise CertificateError("ใบรับรองอิเล็กทรอนิกส์ของสำนักงานยังไม่ถึงวันเริ่มใช้ "
                               f"({thai_date(cert.not_valid_before_utc)}) จึงลงนามไม่ได้")
    if in_date and now > cert.not_valid_after_utc:
        raise CertificateError("ใบรับรองอิเล็กทรอนิกส์ของสำนักงานหมดอายุแล้วเมื่อ "
                               f"{thai_date(cert.not_valid_after_utc)} จึงลงนามไม่ได้ "
                               "กรุณาแจ้งผู้ดูแลระบบให้ต่ออายุใบรับรอง")
    return OfficeCertificate(p12=data, password=password, subject=_name(cert.subject), issuer=_name(cert.issuer),
                             not_after=cert.not_valid_after_utc, demo=demo, chain=tuple(others or ()))


def status() -> tuple[OfficeCertificate | None, str]:
    """For the sign form: the certificate, or None and the Thai reason it cannot sign."""
    try:
        return load(), ""
    except CertificateError as exc:
        return None, str(exc)


# ---- the demo office's certificate ----------------------------------------------------------
def ensure_demo(office_name: str, folder: Path | None = None) -> Path:
    """Make the demo office's CA and certificate under the data dir, once (never committed: each
    installation makes its own key). Returns the PKCS#12 file."""
    folder = Path(folder or settings.SIGNING_DEMO_DIR)
    target = folder / DEMO_P12
    if target.exists():
        return target
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key, ca = _issue(f"Prasan demo CA ({DEMO_MARK})", None, None, now, years=10)
    key, cert = _issue(office_name, ca, ca_key, now, years=3)
    password = secrets.token_urlsafe(18)
    (folder / DEMO_CA).write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    secret = folder / DEMO_PASSWORD
    secret.write_text(password)
    secret.chmod(0o600)
    data = pkcs12.serialize_key_and_certificates(
        b"demo-office", key, cert, [ca], serialization.BestAvailableEncryption(password.encode()))
    partial = target.with_suffix(".tmp")
    partial.write_bytes(data)
    partial.chmod(0o600)
    partial.replace(target)
    return target


def _issue(common_name: str, ca, ca_key, now: dt.datetime, *, years: int):
    """A key and its certificate: self-signed CA when ``ca`` is None, else a signing certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    # X.509 caps a common name at 64 bytes of UTF-8 (21 Thai letters): keep whole words that fit.
    while len(common_name.encode()) > 64:
        common_name = common_name.rsplit(" ", 1)[0] if " " in common_name else common_name[:-1]
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_MARK),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])
    is_ca = ca is None
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject if is_ca else ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=not is_ca, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=is_ca, crl_sign=is_ca,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if not is_ca:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    return key, builder.sign(key if is_ca else ca_key, hashes.SHA256())
