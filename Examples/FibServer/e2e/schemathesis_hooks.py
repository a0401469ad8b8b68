"""The five rules of fib-server that an OpenAPI document cannot state, taught to schemathesis.

e2e.sh runs schemathesis with every check (`--checks all --mode all`) and loads this module
(SCHEMATHESIS_HOOKS). It drops a failure only when the request is exactly one of these cases, judged
from the request's own data and the server's limits (FIB_E2E_LIMITS: /info's "limits" object):

1. /api/fibonacci?from=&count=: each parameter within its schema range, but the last index
   from + count - 1 beyond the maximum n, or count terms holding more digits than an answer may
   (count times the digits of the widest term): a 422 is the right answer to "schema-valid" data.
2. /api/lucas-sequence/{n} without mod: U_n(P, Q) would be larger than F(maximum n) (the size limit
   of a value without a modulus): a 422 naming the size.
3. /api/fibonacci/{n}, /api/lucas/{n} and /api/lucas-sequence/{n} with mod=m: n may then be any
   integer of up to 10,000 digits, beyond the schema's range for n alone, so such a request is
   rightly accepted.
4. /api/fibonacci/{n} and /api/lucas/{n} with strategy=iterative: O(n^2) time, so the server runs it
   for |n| up to a lower limit than the other strategies: a 422 naming it.
5. POST /api/fizzbuzz with a JSON number written with a fraction or an exponent ({"number": 1.0}):
   JSON Schema judges values, so 1.0 is an "integer" to it, but the server takes integer literals
   only (a float has no exact place in a count) and answers 400 naming the literal's form.

Every other failure of every check still fails the run.
"""
import json
import math
import os

import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.openapi.checks import RejectedPositiveData

LIMITS = json.loads(os.environ["FIB_E2E_LIMITS"])
MAXIMUM_INDEX = LIMITS["maximumIndex"]
SEQUENCE_DIGITS = LIMITS["sequenceDigits"]
ITERATIVE_INDEX = LIMITS["iterativeIndex"]
MODULAR_DIGIT_LIMIT = 10_000


def _integer(value):
    """The value as an int if it is an integer (or a decimal string of one), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit() and value.count("-") <= 1 and not value.endswith("-"):
        return int(value)
    return None


def _fibonacci_digit_count(k):
    """Decimal digits of F(k), k >= 0: floor(k log10(phi) - log10(sqrt(5))) + 1 for k >= 2."""
    if k < 2:
        return 1
    return math.floor(k * math.log10((1 + math.sqrt(5)) / 2) - math.log10(math.sqrt(5))) + 1


def _message(response):
    try:
        return response.json()["error"]["message"]
    except Exception:
        return ""


def _is_cross_parameter_rule(failure, case, response):
    operation = case.operation.path
    query = case.query or {}
    path = case.path_parameters or {}
    if isinstance(failure, RejectedPositiveData) and response.status_code == 400 and operation == "/api/fizzbuzz":
        # Python writes a float with a fraction or an exponent (1.0, 1e+20), never as an integer literal.
        return (isinstance(case.body, dict) and isinstance(case.body.get("number"), float)
                and "a fraction or an exponent" in _message(response))
    if isinstance(failure, RejectedPositiveData) and response.status_code == 422:
        if operation == "/api/fibonacci":
            start, count = _integer(query.get("from", 0)), _integer(query.get("count", 10))
            if start is None or count is None:
                return False
            last = start + count - 1
            widest = _fibonacci_digit_count(min(max(abs(start), abs(last)), MAXIMUM_INDEX))
            return last > MAXIMUM_INDEX or widest * count > SEQUENCE_DIGITS
        if operation in ("/api/fibonacci/{n}", "/api/lucas/{n}") and query.get("strategy") == "iterative":
            n = _integer(path.get("n"))
            return n is not None and abs(n) > ITERATIVE_INDEX and "O(n²)" in _message(response)
        if operation == "/api/lucas-sequence/{n}":
            return "mod" not in query and "bits, beyond this server's limit" in _message(response)
    if isinstance(failure, AcceptedNegativeData) and response.status_code == 200:
        if operation in ("/api/fibonacci/{n}", "/api/lucas/{n}", "/api/lucas-sequence/{n}"):
            n, modulus = _integer(path.get("n")), _integer(query.get("mod"))
            return (n is not None and abs(n) > MAXIMUM_INDEX and len(str(abs(n))) <= MODULAR_DIGIT_LIMIT
                    and modulus is not None and modulus >= 1)
    return False


@schemathesis.hook
def filter_failure(context, failure, case, response):
    return not _is_cross_parameter_rule(failure, case, response)
