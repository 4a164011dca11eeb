"""The public side of complaints: the form anyone may file on without an account, and the status page a
complainant opens with their complaint number and private code. Its own small app (label complaints_public) for
the one table it keeps: the attempts it throttles."""
