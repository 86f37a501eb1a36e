// Readiness probe: the engine answers a trivial query.
RETURN 1 AS ok
