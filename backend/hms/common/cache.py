"""Django's Redis cache, with one client object per server instead of one per call.

Django's `RedisCacheClient.get_client` makes a new `redis.Redis` for every cache call, and a
`redis.Redis` builds its table of some 170 reply handlers when it is made: about 90 µs, more
than the round trip it then sends on loopback. The client object holds no connection of its
own (it borrows one from the server's pool for each command, as before) and is safe to share
between threads, so this backend makes one per server's pool and reuses it. Everything else
(pools, serialisation, key handling) is Django's.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _ClientPerPool(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django: Any = self  # the pools and the client class: Django's, left out of its type stubs
        pool = django._get_connection_pool(write)
        # The pools live as long as this object, so a pool's id names it for that long.
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = django._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """`django.core.cache.backends.redis.RedisCache`, reusing its clients (see above)."""

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ClientPerPool
