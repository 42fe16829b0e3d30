/*
 * The two loops of Innsyn's raw CSV pass that touch every byte, in C: V8 runs them at 3-4 ns
 * a byte on a laptop core (a sticky regular expression per line, a string search per digit),
 * which made the pass slower than DuckDB reading the same file. Everything else (the text
 * patterns, which records to keep, the matcher) stays in JavaScript, and the JavaScript pass
 * in electron/core/search/prefilter/csv-scan.ts is the reference these functions follow rule
 * for rule; fast-path-equivalence.test.ts runs both on files made to trip them.
 *
 * Only Node-API is used, so one build serves every Node.js and Electron version.
 */
#include <node_api.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define HAVE_SSE2 1
#endif
#if defined(_MSC_VER)
#include <intrin.h>
static int lowest_bit(unsigned v) {
  unsigned long i;
  _BitScanForward(&i, v);
  return (int)i;
}
#else
static int lowest_bit(unsigned v) { return __builtin_ctz(v); }
#endif

#define QUOTE 34
#define CR 13
#define LF 10

enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

/* 1: bytes the record structure depends on (delimiter, quote, CR, LF); 2: control bytes the
 * source reports as binary data in a row (csv/format.ts); 0: everything else. */
static void build_classes(uint8_t delim, uint8_t special[256]) {
  memset(special, 0, 256);
  for (int b = 0; b < 32; b++) {
    if (b != 9 && b != 10 && b != 13) special[b] = 2;
  }
  special[delim] = 1;
  special[QUOTE] = 1;
  special[CR] = 1;
  special[LF] = 1;
}

typedef struct {
  size_t end;
  size_t next;
  int32_t fields;
  int odd;
  int32_t breaks;
} record_t;

/* The first offset from `k` whose byte matters to the record structure (special[] != 0), or
 * `got`. Most of a record is plain text between delimiters; sixteen bytes are tested at a
 * time for the delimiter, a quote or anything below 0x20 (CR, LF, control bytes, and tab,
 * which the table then rules out unless it is the delimiter). */
static size_t skip_plain(const uint8_t *buf, size_t k, size_t got, const uint8_t *special, uint8_t delim) {
#ifdef HAVE_SSE2
  const __m128i d = _mm_set1_epi8((char)delim);
  const __m128i q = _mm_set1_epi8((char)QUOTE);
  const __m128i low = _mm_set1_epi8(0x1f);
  while (k + 16 <= got) {
    __m128i x = _mm_loadu_si128((const __m128i *)(buf + k));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, q)), _mm_cmpeq_epi8(_mm_min_epu8(x, low), x));
    unsigned mask = (unsigned)_mm_movemask_epi8(hit);
    while (mask != 0) {
      int bit = lowest_bit(mask);
      if (special[buf[k + (size_t)bit]] != 0) return k + (size_t)bit;
      mask &= mask - 1;
    }
    k += 16;
  }
#endif
  while (k < got && special[buf[k]] == 0) k++;
  return k;
}

/* One record from `i` by the reader's rules; 0 when the block ends before the record does. */
static int one_record(const uint8_t *buf, size_t i, size_t got, int at_eof, const uint8_t *special, uint8_t delim, record_t *out) {
  int state = FIELD_START;
  int32_t fields = 1;
  int odd = 0;
  int32_t breaks = 0;
  for (size_t k = i; k < got; k++) {
    if (state == UNQUOTED || state == FIELD_START) {
      /* Plain bytes change nothing but FIELD_START → UNQUOTED: skip them in bulk. */
      size_t s = skip_plain(buf, k, got, special, delim);
      if (s > k) {
        state = UNQUOTED;
        k = s;
        if (k >= got) break;
      }
    }
    uint8_t c = buf[k];
    uint8_t kind = special[c];
    if (kind != 1) {
      if (kind == 2) odd = 1; /* a control character: the source reports the row */
      if (state == FIELD_START) {
        state = UNQUOTED;
      } else if (state == QUOTE_IN_QUOTED) {
        state = UNQUOTED;
        odd = 1; /* the reader reports text after a closing quote */
      }
      continue;
    }
    if (state == QUOTED) {
      if (c == QUOTE) state = QUOTE_IN_QUOTED;
      else if (c == CR || (c == LF && (k == 0 || buf[k - 1] != CR))) breaks++; /* CRLF is one line break */
      continue;
    }
    if (state == QUOTE_IN_QUOTED) {
      if (c == QUOTE) {
        state = QUOTED;
        continue;
      }
      state = UNQUOTED;
    }
    if (c == delim) {
      fields++;
      state = FIELD_START;
    } else if (c == CR || c == LF) {
      size_t next = k + 1;
      if (c == CR) {
        if (next >= got && !at_eof) return 0; /* CRLF split by the block end */
        if (next < got && buf[next] == LF) next++;
      }
      out->end = k;
      out->next = next;
      out->fields = fields;
      out->odd = odd;
      out->breaks = breaks + 1;
      return 1;
    } else if (state == FIELD_START) {
      state = c == QUOTE ? QUOTED : UNQUOTED;
    }
  }
  if (!at_eof) return 0;
  out->end = got;
  out->next = got;
  out->fields = fields;
  out->odd = odd || state == QUOTED;
  out->breaks = breaks;
  return 1;
}

static int typed(napi_env env, napi_value v, napi_typedarray_type want, void **data, size_t *length) {
  napi_typedarray_type type;
  napi_value ab;
  size_t offset;
  if (napi_get_typedarray_info(env, v, &type, length, data, &ab, &offset) != napi_ok || type != want) {
    napi_throw_type_error(env, NULL, "csv-scan: wrong array type");
    return 0;
  }
  return 1;
}

static int number(napi_env env, napi_value v, double *out) {
  if (napi_get_value_double(env, v, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "csv-scan: expected a number");
    return 0;
  }
  return 1;
}

/* The call's arguments; throws (and returns 0) when fewer than `want` were given. */
static int arguments(napi_env env, napi_callback_info info, size_t want, napi_value *argv, const char *message) {
  size_t argc = want;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < want) {
    napi_throw_type_error(env, NULL, message);
    return 0;
  }
  return 1;
}

/* A block and how many of its bytes to read (never more than it holds). */
static int block_arg(napi_env env, napi_value block, napi_value length, const uint8_t **buf, size_t *len) {
  void *data;
  size_t block_len;
  double length_d;
  if (!typed(env, block, napi_uint8_array, &data, &block_len) || !number(env, length, &length_d)) return 0;
  *buf = (const uint8_t *)data;
  *len = length_d < 0 ? 0 : (size_t)length_d;
  if (*len > block_len) *len = block_len;
  return 1;
}

/* scanRecords(block, length, stop, atEof, delimiter, expectedFields, starts, ends, flags, breaksBefore)
 *   -> [records, complete, breaks, firstRecordFields] */
static napi_value scan_records(napi_env env, napi_callback_info info) {
  napi_value argv[10];
  if (!arguments(env, info, 10, argv, "csv-scan: scanRecords takes 10 arguments")) return NULL;
  const uint8_t *buf;
  size_t length;
  void *starts, *ends, *flags, *before;
  size_t starts_len, ends_len, flags_len, before_len;
  double stop_d, delim_d, expected_d;
  bool at_eof;
  if (!block_arg(env, argv[0], argv[1], &buf, &length)) return NULL;
  if (!number(env, argv[2], &stop_d)) return NULL;
  if (napi_get_value_bool(env, argv[3], &at_eof) != napi_ok) {
    napi_throw_type_error(env, NULL, "csv-scan: atEof must be a boolean");
    return NULL;
  }
  if (!number(env, argv[4], &delim_d) || !number(env, argv[5], &expected_d)) return NULL;
  if (!typed(env, argv[6], napi_int32_array, &starts, &starts_len)) return NULL;
  if (!typed(env, argv[7], napi_int32_array, &ends, &ends_len)) return NULL;
  if (!typed(env, argv[8], napi_uint8_array, &flags, &flags_len)) return NULL;
  if (!typed(env, argv[9], napi_int32_array, &before, &before_len)) return NULL;
  size_t capacity = starts_len;
  if (ends_len < capacity) capacity = ends_len;
  if (flags_len < capacity) capacity = flags_len;
  if (before_len < capacity) capacity = before_len;
  uint8_t special[256];
  build_classes((uint8_t)delim_d, special);
  int32_t expected = (int32_t)expected_d;
  size_t i = 0;
  uint32_t count = 0;
  int32_t breaks = 0;
  int32_t first_fields = -1;
  record_t r;
  /* A full set of arrays ends the call early, at a record boundary: the caller continues from `complete`. */
  while (i < length && (double)i < stop_d && count < capacity) {
    if (!one_record(buf, i, length, at_eof, special, (uint8_t)delim_d, &r)) break; /* continues in the next block */
    if (r.end > i) {
      if (count == 0) first_fields = r.fields;
      ((int32_t *)starts)[count] = (int32_t)i;
      ((int32_t *)ends)[count] = (int32_t)r.end;
      ((uint8_t *)flags)[count] = (r.odd || r.fields != expected) ? 1 : 0;
      ((int32_t *)before)[count] = breaks;
      count++;
    }
    breaks += r.breaks;
    i = r.next;
  }
  napi_value result, v;
  napi_create_array_with_length(env, 4, &result);
  napi_create_uint32(env, count, &v);
  napi_set_element(env, result, 0, v);
  napi_create_double(env, (double)i, &v);
  napi_set_element(env, result, 1, v);
  napi_create_int32(env, breaks, &v);
  napi_set_element(env, result, 2, v);
  napi_create_int32(env, first_fields, &v);
  napi_set_element(env, result, 3, v);
  return result;
}

/* Whether the term's digits, non-digits skipped, surround term[anchor] found at `at`; if so
 * the first and last digit's offsets are appended to `out`. Returns 0 only when `out` is full. */
static int digits_at(const uint8_t *buf, size_t length, const uint8_t *t, size_t term_len, size_t anchor, size_t at, int32_t *out, size_t cap, size_t *n) {
  /* Forward: the term's digits after the anchor. */
  size_t k = at + 1;
  for (size_t j = anchor + 1; j < term_len; j++) {
    while (k < length && (uint8_t)(buf[k] - '0') >= 10) k++;
    if (k >= length || buf[k] != t[j]) return 1;
    k++;
  }
  size_t last = k - 1;
  /* Backward: the digits before the anchor. */
  long long b = (long long)at - 1;
  for (size_t j = anchor; j-- > 0;) {
    while (b >= 0 && (uint8_t)(buf[b] - '0') >= 10) b--;
    if (b < 0 || buf[b] != t[j]) return 1;
    b--;
  }
  if (*n + 2 > cap) return 0;
  out[(*n)++] = (int32_t)(b + 1);
  out[(*n)++] = (int32_t)last;
  return 1;
}

/* findDigits(block, length, term, anchor, marks) -> numbers written, or -1 when marks is full */
static napi_value find_digits(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  if (!arguments(env, info, 5, argv, "csv-scan: findDigits takes 5 arguments")) return NULL;
  const uint8_t *buf;
  size_t length;
  void *term, *marks;
  size_t term_len, marks_len;
  double anchor_d;
  if (!block_arg(env, argv[0], argv[1], &buf, &length)) return NULL;
  if (!typed(env, argv[2], napi_uint8_array, &term, &term_len)) return NULL;
  if (!number(env, argv[3], &anchor_d)) return NULL;
  if (!typed(env, argv[4], napi_int32_array, &marks, &marks_len)) return NULL;
  size_t anchor = (size_t)anchor_d;
  if (term_len == 0 || anchor >= term_len) {
    napi_throw_range_error(env, NULL, "csv-scan: the anchor must be a position in the term");
    return NULL;
  }
  const uint8_t *t = (const uint8_t *)term;
  int32_t *out = (int32_t *)marks;
  size_t n = 0;
  int full = 0;
  size_t k0 = 0;
#ifdef HAVE_SSE2
  /* Sixteen positions at a time: the anchor digit, and next to it either the term's
   * neighbouring digit or a non-digit (a separator); any other neighbour rules the place
   * out before the walk, which leaves about one anchor in ten to check. */
  const __m128i want = _mm_set1_epi8((char)t[anchor]);
  const __m128i next = _mm_set1_epi8((char)(anchor + 1 < term_len ? t[anchor + 1] : 0));
  const __m128i prev = _mm_set1_epi8((char)(anchor > 0 ? t[anchor - 1] : 0));
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  for (; k0 + 17 <= length && !full; k0 += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(buf + k0));
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, want));
    if (mask == 0) continue;
    if (anchor + 1 < term_len) {
      __m128i y = _mm_loadu_si128((const __m128i *)(buf + k0 + 1));
      __m128i yd = _mm_sub_epi8(y, zero);
      __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(yd, nine), yd);
      mask &= (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(y, next), _mm_andnot_si128(digit, _mm_set1_epi8(-1))));
    }
    if (anchor > 0 && k0 > 0) {
      __m128i z = _mm_loadu_si128((const __m128i *)(buf + k0 - 1));
      __m128i zd = _mm_sub_epi8(z, zero);
      __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(zd, nine), zd);
      mask &= (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(z, prev), _mm_andnot_si128(digit, _mm_set1_epi8(-1))));
    }
    while (mask != 0 && !full) {
      size_t at = k0 + (size_t)lowest_bit(mask);
      mask &= mask - 1;
      full = !digits_at(buf, length, t, term_len, anchor, at, out, marks_len, &n);
    }
  }
#endif
  for (; k0 < length && !full; k0++) {
    if (buf[k0] == t[anchor]) full = !digits_at(buf, length, t, term_len, anchor, k0, out, marks_len, &n);
  }
  napi_value result;
  napi_create_int32(env, full ? -1 : (int32_t)n, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "scanRecords", NAPI_AUTO_LENGTH, scan_records, NULL, &fn);
  napi_set_named_property(env, exports, "scanRecords", fn);
  napi_create_function(env, "findDigits", NAPI_AUTO_LENGTH, find_digits, NULL, &fn);
  napi_set_named_property(env, exports, "findDigits", fn);
  return exports;
}
