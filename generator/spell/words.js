// oferta amounts in words for the browser: the same rules as
// generator/spell (Go), reading the same tables, which the generator
// appends to this file as OfertaWords.langs. A Go test runs this file
// under node and compares it with spell.Amount on many amounts.
//
// Plain ES2020, no dependencies, no network.
//
//   OfertaWords.amount("47600.00", "ru", "RUB", 2)
//     -> "сорок семь тысяч шестьсот рублей 00 копеек"
//   OfertaWords.parse("47 600,5", 2) -> "47600.50" (or null)
(function (root) {
  "use strict";

  const MAX = 1000000000n;

  function lookup(lang) {
    const primary = String(lang || "").toLowerCase().split(/[-_]/)[0];
    const l = root.OfertaWords.langs[primary];
    if (!l) throw new Error("amounts in words are not available in " + JSON.stringify(lang));
    return l;
  }

  function pluralIndex(rule, n) {
    if (rule === "romanian") {
      const h = n % 100n;
      if (n === 1n) return 0;
      if (n < 20n || (h >= 1n && h <= 19n)) return 1;
      return 2;
    }
    if (rule === "slavic") {
      const d = n % 10n;
      const h = n % 100n;
      if (d === 1n && h !== 11n) return 0;
      if (d >= 2n && d <= 4n && (h < 12n || h > 14n)) return 1;
      return 2;
    }
    return n === 1n ? 0 : 1;
  }

  function form(l, noun, n) {
    const i = pluralIndex(l.plural, n);
    return noun.forms[Math.min(i, noun.forms.length - 1)];
  }

  function triad(l, t, gender) {
    const parts = [];
    const h = Math.floor(t / 100);
    if (h > 0) parts.push(l.hundreds[h]);
    const rest = t % 100;
    const g = (l.gendered && l.gendered[gender]) || {};
    const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
    const unit = (u) => (has(g, String(u)) ? g[String(u)] : l.units[u]);
    if (rest === 0) {
      // nothing
    } else if (rest < 20) {
      parts.push(unit(rest));
    } else if (rest % 10 === 0) {
      parts.push(l.tens[rest / 10]);
    } else {
      const k = String(rest % 10);
      const u = has(l.tens_units, k) ? l.tens_units[k] : unit(rest % 10);
      const ten = l.tens[Math.floor(rest / 10)];
      parts.push(l.units_first ? u + l.tens_join + ten : ten + l.tens_join + u);
    }
    return parts.join(l.join);
  }

  function number(l, n, gender) {
    if (n === 0n) return l.zero;
    const one = l.one || {};
    const hasOne = (g) => Object.prototype.hasOwnProperty.call(one, g);
    if (n === 1n && hasOne(gender)) return one[gender];
    let out = "";
    let sep = "";
    for (let i = l.scales.length; i >= 0; i--) {
      const div = 1000n ** BigInt(i);
      const t = Number((n / div) % 1000n);
      if (t === 0) continue;
      out += sep;
      if (i === 0) {
        out += triad(l, t, gender);
        continue;
      }
      const s = l.scales[i - 1];
      const w = t === 1 && hasOne(s.gender) ? one[s.gender] : triad(l, t, s.gender);
      sep = l.scale_join[i - 1];
      out += w + sep + form(l, s, BigInt(t));
    }
    return out;
  }

  // amount mirrors spell.Amount for a plain amount with exactly `digits`
  // decimals ("47600.00"; "1500" when digits is 0).
  function amount(plain, lang, code, digits) {
    const l = lookup(lang);
    const m = /^(\d+)(?:\.(\d+))?$/.exec(String(plain));
    if (!m || (m[2] || "").length !== digits) throw new Error("not a plain amount: " + JSON.stringify(plain));
    const whole = BigInt(m[1]);
    const minor = BigInt(m[2] || "0");
    if (whole > MAX || (whole === MAX && minor > 0n)) {
      throw new Error("amounts in words are written up to 1 000 000 000");
    }
    const c = Object.prototype.hasOwnProperty.call(l.currencies, code) ? l.currencies[code] : null;
    const repl = {
      "{major}": number(l, whole, c ? c.major.gender : "m"),
      "{code}": code,
      "{minor}": m[2] || "",
      "{base}": String(10n ** BigInt(digits)),
    };
    let pattern = digits === 0 ? l.pattern_code_whole : l.pattern_code;
    if (c) {
      pattern = digits === 0 ? l.pattern_whole : l.pattern;
      repl["{major_unit}"] = form(l, c.major, whole);
      repl["{minor_unit}"] = form(l, c.minor, minor);
    }
    return pattern.replace(/\{[a-z_]+\}/g, (k) => (Object.prototype.hasOwnProperty.call(repl, k) ? repl[k] : k));
  }

  // parse reads an amount as a person types it — "47600", "47 600,5",
  // "47600.50" — into a plain amount with `digits` decimals, or null when
  // it is not one (letters, two separators, more decimals than the
  // currency has, more than 30 digits).
  function parse(text, digits) {
    const s = String(text || "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
    if (!m) return null;
    let frac = m[2] || "";
    if (frac.length > digits) return null;
    if (m[1].length + frac.length > 30) return null;
    frac = frac.padEnd(digits, "0");
    const whole = m[1].replace(/^0+(?=\d)/, "");
    return digits > 0 ? whole + "." + frac : whole;
  }

  root.OfertaWords = { amount: amount, parse: parse, langs: {} };
})(typeof window !== "undefined" ? window : globalThis);
