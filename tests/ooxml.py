"""The OOXML schema check every built document must pass (openxml-audit, the Open XML SDK's
schema data in pure Python; it runs offline)."""

from __future__ import annotations

from pathlib import Path

from openxml_audit import OpenXmlValidator


def schema_errors(docx: Path) -> list[str]:
    return [str(e) for e in OpenXmlValidator().validate(str(docx)).errors]
