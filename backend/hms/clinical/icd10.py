"""The bundled ICD-10-CM code list: normalising codes and loading the table.

The list is the CMS ICD-10-CM tabular list (public domain, US federal government work) as shipped
by the MIT-licensed `simple-icd-10-cm` package. `manage.py icd10_load` copies its categories and
subcategories (about 98,000 codes, with their descriptions) into `clinical_icd10code`, so the
API reads a table and never keeps the package's 200 MB tree in a worker.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")


def icd10_normalise(text: str) -> str:
    """Return `text` as a stored code: upper case, with the dot after the category ("i214" ->
    "I21.4"). A text that cannot be a code comes back upper-cased and stripped, unchanged."""
    code = text.strip().upper().replace(" ", "")
    if not _CODE_SHAPE.match(code):
        return code
    bare = code.replace(".", "")
    return bare if len(bare) == 3 else f"{bare[:3]}.{bare[3:]}"


def icd10_looks_like_code(text: str) -> bool:
    """Whether a search text is (the start of) a code rather than words."""
    return bool(re.match(r"^[A-Za-z][0-9]", text.strip()))


def icd10_package_rows() -> Iterator[tuple[str, str]]:
    """Yield (code, description) for every category and subcategory in the bundled list."""
    with warnings.catch_warnings():
        # The package reads its data with importlib.resources' legacy (deprecated) helpers.
        warnings.simplefilter("ignore", DeprecationWarning)
        # Imported here: parsing the list takes seconds and memory.
        import simple_icd_10_cm as cm

    for code in cm.get_all_codes(True):
        if cm.is_category_or_subcategory(code):
            yield code, cm.get_description(code)[:255]
