"""Domain errors of the training log, turned into 4xx answers at the edges."""


class TrainingError(ValueError):
    """Bad input; the message starts with the field it is about."""


class ClientIdConflict(TrainingError):
    """A client_id already used for a row with different values."""
