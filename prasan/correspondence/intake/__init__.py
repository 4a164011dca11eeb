"""Letter intake: a file in, the letter's text and register fields out, as ordered small steps.

store (digest) → detect (type by content) → extract (text layer) → ocr (scans) → normalize → parse.
`pipeline.run` chains them; each step is usable and tested on its own.
"""
