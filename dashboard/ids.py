"""Component ids, namespaced by page so two pages never collide."""


def pid(page: str, name: str) -> str:
    return f"{page}-{name}"


# The shell's ids (present on every page).
URL = "url"
PERIOD = "filter-period"
AREA = "filter-area"
COPY_LINK = "copy-link"
COPY_STATUS = "copy-link-status"
DATA_AS_OF = "data-as-of"
