"""Field parsers: one concept per module (dates, numbers, marks, lists, deadlines, parties, kind)."""
