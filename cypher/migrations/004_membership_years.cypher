// MEMBER_OF carries the years of its dates as integers, `fromYear` and `toYear`, beside `from` and
// `to` as the source states them (YYYY, YYYY-MM or YYYY-MM-DD). A membership test is then one
// comparison (`ms.fromYear <= $year`) instead of cutting the year out of a date string each time.
// The import writes both (src/model.ts, derivedRelProps); this converts graphs written before it.
MATCH ()-[ms:MEMBER_OF]->()
WHERE (ms.from IS NOT NULL AND ms.fromYear IS NULL) OR (ms.to IS NOT NULL AND ms.toYear IS NULL)
SET ms.fromYear = toInteger(left(toString(ms.from), 4)),
    ms.toYear = toInteger(left(toString(ms.to), 4));
