"""The regency roll-up (rekap): many offices' reports summarised in one table."""

from lkjip_gen.rekap.compute import is_rekap, rekap, rekap_of

__all__ = ["is_rekap", "rekap", "rekap_of"]
