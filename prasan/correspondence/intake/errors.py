"""The one error intake raises: its message is Thai and is shown to the person who sent the file."""


class IntakeError(Exception):
    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message
