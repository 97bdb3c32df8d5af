"""What every router shares: the paging dependency and the path patterns of identifiers."""

from typing import Annotated

from fastapi import Depends

from api.listing import Paging, paging

PagingDep = Annotated[Paging, Depends(paging)]
CSV = {"text/csv": {"schema": {"type": "string"}, "example": "ordinal,start_date,...\n"}}
