"""The Django project that serves Liftwell."""
