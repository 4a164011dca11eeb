"""PDF digital signatures (PAdES, with pyHanko): signing a rendered PDF with the office's certificate,
and checking the signatures a PDF carries — whether each is intact, who signed, when, and whether the
certificate leads to a root the office trusts.

Signing appends an incremental update and leaves the page content alone, so the text layer made by
render/textlayer.py (what pdftotext gives back) is the same after signing as before. Checking never
goes to the network (no OCSP/CRL fetching at run time): trust is decided from the roots configured
here, and revocation is not checked.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .certificates import DEMO_CA, OfficeCertificate

FIELD = "PrasanSignature"

# pyHanko imports cryptography's DSA key type to recognise it; Prasan never signs with DSA, and the
# deprecation notice would be printed by every `prasan sign-verify`.
warnings.filterwarnings("ignore", message="DSA is deprecated")


class PdfCheckError(Exception):
    """A Thai sentence saying why the file could not be checked at all."""


def sign_pdf(pdf: bytes, certificate: OfficeCertificate, *, name: str, reason: str, location: str) -> bytes:
    """``pdf`` with a PAdES signature by ``certificate`` covering the whole file."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
        name=name, reason=reason, location=location)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    return signers.sign_pdf(writer, meta, signer=certificate.signer()).getvalue()


@dataclass(frozen=True)
class SignatureReport:
    """One signature found in a PDF, as the pages and `prasan sign-verify` tell it."""

    field: str
    intact: bool  # the signed bytes are unchanged and the signature's mathematics holds
    whole_file: bool  # no change was appended after signing (other than allowed ones)
    trusted: bool  # the certificate chains to a root the office trusts
    revoked: bool
    signer: str  # the name the signer gave (/Name), else the certificate's
    certificate: str
    issuer: str
    signed_at: dt.datetime | None
    not_after: dt.datetime | None

    @property
    def ok(self) -> bool:
        """Unbroken: intact and nothing changed after signing (trust is told separately)."""
        return self.intact and self.whole_file

    def verdict(self) -> str:
        if not self.intact:
            return "ลายมือชื่อเสียหาย: เนื้อหาถูกแก้ไขหลังลงนาม หรือลายมือชื่อไม่ถูกต้อง"
        if not self.whole_file:
            return "ลายมือชื่อถูกต้อง แต่มีการแก้ไขเอกสารภายหลังการลงนาม"
        if self.revoked:
            return "ลายมือชื่อครบถ้วน แต่ใบรับรองถูกเพิกถอน"
        if self.trusted:
            return "ลายมือชื่อครบถ้วน เอกสารไม่ถูกแก้ไข ใบรับรองเชื่อถือได้"
        return "ลายมือชื่อครบถ้วน เอกสารไม่ถูกแก้ไข แต่ใบรับรองไม่อยู่ในรายการที่เชื่อถือ"


def trust_roots(extra: list[str | Path] = ()) -> list:
    """Roots the office trusts: PRASAN_SIGNING_TRUST, the CA in the office's own certificate file,
    the demo CA if this installation made one, and ``extra`` files."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.keys import load_certs_from_pemder

    from . import certificates

    files = [Path(p) for p in list(settings.SIGNING_TRUST) + list(extra)]
    demo_ca = Path(settings.SIGNING_DEMO_DIR) / DEMO_CA
    if demo_ca.exists():
        files.append(demo_ca)
    roots = []
    for path in files:
        try:
            roots += list(load_certs_from_pemder([str(path)]))
        except (OSError, ValueError):
            raise PdfCheckError(f"อ่านใบรับรองหลักที่เชื่อถือไม่ได้: {path.name}") from None
    try:
        own = certificates.load(in_date=False)
    except certificates.CertificateError:
        own = None
    if own is not None:
        roots += [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in own.chain]
    return roots


def verify_pdf(data: bytes, *, extra_roots: list[str | Path] = ()) -> list[SignatureReport]:
    """Every signature in the PDF ``data`` (an empty list when it carries none)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfCheckError("ไฟล์นี้ไม่ใช่ PDF")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        # A damaged or odd file (from outside, at intake) is said to be unreadable, never a 500.
        raise PdfCheckError("อ่านโครงสร้างไฟล์ PDF ไม่ได้ (ไฟล์อาจเสียหายหรือเข้ารหัสไว้)") from None
    roots = trust_roots(extra_roots)
    usage = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)
    reports = []
    for signature in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        name = str(signature.sig_object.get("/Name") or "")
        try:
            status = validate_pdf_signature(signature, context, key_usage_settings=usage)
        except Exception:  # noqa: BLE001 — a signature that cannot even be parsed is a broken one
            reports.append(SignatureReport(
                field=signature.field_name or "", intact=False, whole_file=False, trusted=False,
                revoked=False, signer=name, certificate="", issuer="", signed_at=None, not_after=None))
            continue
        cert = status.signing_cert
        reports.append(SignatureReport(
            field=signature.field_name or "",
            intact=bool(status.intact and status.valid),
            whole_file=_unchanged(status),
            trusted=bool(status.trusted),
            revoked=bool(status.revoked),
            signer=name or _common_name(cert.subject),
            certificate=_common_name(cert.subject),
            issuer=_common_name(cert.issuer),
            signed_at=status.signer_reported_dt,
            not_after=cert.not_valid_after,
        ))
    return reports


def _unchanged(status) -> bool:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    # Later revisions (another signature, form filling) are fine when the diff analysis allows them.
    return status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and bool(status.docmdp_ok)


def _common_name(name) -> str:
    native = name.native
    return str(native.get("common_name") or native.get("organization_name") or name.human_friendly)
