// Creates or updates one estimate. Scalar parameters on purpose: a value may
// be an integer or a fraction, and a list of rows must have one type per field.
MERGE (n:Estimate {id: $id})
SET n.name = $name,
    n.value = $value,
    n.unit = $unit,
    n.qualifier = $qualifier,
    n.scope = $scope,
    n.search = $search
RETURN n
