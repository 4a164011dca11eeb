"""Matter endpoints (filled in by the API work)."""
