class Refusal(Exception):
    """A service could not do what was asked. `message` tells the person what to do next;
    `code` is stable for scripts; `status` is the HTTP answer (always 4xx)."""

    def __init__(self, message: str, *, code: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
