// oferta refund calculator for the browser.
//
// It interprets the JSON model written by generator/refund (Terms.Model):
// formulas arrive as syntax trees (data, never code) and are evaluated over
// exact rationals built on BigInt, then rounded once, half away from zero,
// to the currency's minor unit — the same arithmetic as `oferta calc`, so
// the page and the command give the same digits. A Go test runs this file
// under node and compares it with the Go code for many terms.
//
// Plain ES2020, no dependencies, no network.
//
//   OfertaCalc.refund(model, {used, paid, day}) -> {amount: "47600.00", guarantee: false,
//                                                   steps: [{kind: "paid", name: "", amount: "80000.00"}, …]}
//   OfertaCalc.format("47600.00", "ru", "RUB")  -> "47 600,00 ₽"
//   OfertaCalc.evaluate(ast, vars)              -> Rat | boolean | string
(function (root) {
  "use strict";

  // Rat is an exact rational n/d: BigInts, d > 0, reduced.
  class Rat {
    constructor(n, d) {
      this.n = n;
      this.d = d;
    }
    toString() {
      return ratString(this);
    }
  }

  const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  function gcd(a, b) {
    if (a < 0n) a = -a;
    while (b !== 0n) {
      const t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  function mk(n, d) {
    if (d === 0n) throw new Error("division by zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g === 1n ? new Rat(n, d) : new Rat(n / g, d / g);
  }

  const add = (a, b) => mk(a.n * b.d + b.n * a.d, a.d * b.d);
  const sub = (a, b) => mk(a.n * b.d - b.n * a.d, a.d * b.d);
  const mul = (a, b) => mk(a.n * b.n, a.d * b.d);
  const quo = (a, b) => mk(a.n * b.d, a.d * b.n);
  const cmp = (a, b) => {
    const l = a.n * b.d;
    const r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  };

  // rat reads the exact forms Go writes (expr.RatString): "-12.5", "1/3".
  function rat(s) {
    if (s instanceof Rat) return s;
    const str = String(s);
    let m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(str);
    if (m) {
      const frac = m[3] || "";
      const n = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
      return mk(n, 10n ** BigInt(frac.length));
    }
    m = /^(-?\d+)\/(\d+)$/.exec(str);
    if (m) return mk(BigInt(m[1]), BigInt(m[2]));
    throw new Error("not an exact number: " + JSON.stringify(str));
  }

  function ratString(r) {
    return r.d === 1n ? String(r.n) : r.n + "/" + r.d;
  }

  // parseDecimal mirrors money.ParseDecimal for what a person types:
  // sign, digits, optional dot and digits; at most 30 digits.
  function parseDecimal(s) {
    const m = /^[+-]?(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) throw new Error("not a decimal number: " + JSON.stringify(s));
    if (m[1].length + (m[2] || "").length > 30) throw new Error("more than 30 digits");
    return rat(s.replace(/^\+/, ""));
  }

  function kind(v) {
    if (v instanceof Rat) return "number";
    if (typeof v === "boolean") return "bool";
    if (typeof v === "string") return "string";
    return "invalid";
  }

  function num(v, op) {
    if (!(v instanceof Rat)) throw new Error(op + " needs a number, got " + kind(v));
    return v;
  }

  function bool(v, op) {
    if (typeof v !== "boolean") throw new Error(op + " needs a bool, got " + kind(v));
    return v;
  }

  const arith = { "+": add, "-": sub, "*": mul, "/": quo };
  const compare = {
    "==": (c) => c === 0,
    "!=": (c) => c !== 0,
    "<": (c) => c < 0,
    "<=": (c) => c <= 0,
    ">": (c) => c > 0,
    ">=": (c) => c >= 0,
  };

  // evaluate interprets a syntax tree (expr.Expr.MarshalJSON). vars maps a
  // name to a Rat, a boolean or a string. Semantics match Go's Eval:
  // `and`, `or` and `if` evaluate only what they need.
  function evaluate(ast, vars) {
    if ("num" in ast) return rat(ast.num);
    if ("str" in ast) return ast.str;
    if ("bool" in ast) return ast.bool;
    if ("var" in ast) {
      if (!own(vars, ast.var)) {
        throw new Error("unknown variable " + JSON.stringify(ast.var));
      }
      return vars[ast.var];
    }
    const op = ast.op;
    const a = ast.args;
    switch (op) {
      case "neg": {
        const x = num(evaluate(a[0], vars), "'-'");
        return new Rat(-x.n, x.d);
      }
      case "not":
        return !bool(evaluate(a[0], vars), "'not'");
      case "and":
      case "or": {
        const l = bool(evaluate(a[0], vars), "'" + op + "'");
        if (l === (op === "or")) return l;
        return bool(evaluate(a[1], vars), "'" + op + "'");
      }
      case "+":
      case "-":
      case "*":
      case "/": {
        const l = evaluate(a[0], vars);
        const r = evaluate(a[1], vars);
        if (!(l instanceof Rat) || !(r instanceof Rat)) {
          throw new Error("'" + op + "' needs numbers, got " + kind(l) + " and " + kind(r));
        }
        if (op === "/" && r.n === 0n) throw new Error("division by zero");
        return arith[op](l, r);
      }
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=": {
        const l = evaluate(a[0], vars);
        const r = evaluate(a[1], vars);
        if (kind(l) !== kind(r)) throw new Error("cannot compare " + kind(l) + " with " + kind(r));
        let c;
        if (l instanceof Rat) {
          c = cmp(l, r);
        } else {
          if (op !== "==" && op !== "!=") throw new Error("'" + op + "' compares numbers only");
          c = l === r ? 0 : 1;
        }
        return compare[op](c);
      }
      case "min":
      case "max": {
        const x = num(evaluate(a[0], vars), op + "(…)");
        const y = num(evaluate(a[1], vars), op + "(…)");
        const c = cmp(x, y);
        return c === 0 || (c < 0) === (op === "min") ? x : y;
      }
      case "if":
        return bool(evaluate(a[0], vars), "if(…)") ? evaluate(a[1], vars) : evaluate(a[2], vars);
    }
    throw new Error("unknown operator " + JSON.stringify(op));
  }

  // roundMinor rounds r to whole minor units, half away from zero.
  function roundMinor(r, digits) {
    const m = r.n * 10n ** BigInt(digits);
    let q = m / r.d; // BigInt division truncates toward zero
    let rem = m % r.d;
    if (rem < 0n) rem = -rem;
    if (2n * rem >= r.d) q += m < 0n ? -1n : 1n;
    return q;
  }

  // plain writes minor units as money.Amount.String does: "-1.50", "1500".
  function plain(minor, digits) {
    const neg = minor < 0n;
    let s = String(neg ? -minor : minor);
    if (digits > 0) {
      s = s.padStart(digits + 1, "0");
      s = s.slice(0, s.length - digits) + "." + s.slice(s.length - digits);
    }
    return (neg ? "-" : "") + s;
  }

  function wholeMinor(r, digits) {
    return (r.n * 10n ** BigInt(digits)) % r.d === 0n;
  }

  // refund mirrors refund.Compute: input.used an integer 0..total,
  // input.paid a decimal string ("" or null = the price), input.day the
  // days since the client's start or null (then not in the guarantee).
  function refund(model, input) {
    input = input || {};
    const price = rat(model.price);
    const digits = model.digits;

    let used = input.used;
    if (typeof used === "string") used = used.trim() === "" ? NaN : Number(used);
    if (!Number.isInteger(used) || used < 0 || used > model.total) {
      throw new Error("used must be from 0 to " + model.total);
    }

    let paid = price;
    const paidText = input.paid == null ? "" : String(input.paid).trim();
    if (paidText !== "") {
      paid = parseDecimal(paidText);
      if (paid.n <= 0n) throw new Error("paid must be greater than 0");
      if (cmp(paid, price) > 0) throw new Error("paid is more than the price");
      if (!wholeMinor(paid, digits)) throw new Error("paid has more decimals than " + model.currency + " allows");
    }

    let day = input.day;
    if (typeof day === "string") day = day.trim() === "" ? null : Number(day);
    const hasDay = day !== null && day !== undefined;
    if (hasDay && (!Number.isInteger(day) || day < 0)) throw new Error("day must be a whole number, 0 or more");
    const guarantee = hasDay && model.guarantee_days > 0 && day <= model.guarantee_days;

    // No prototype: a formula naming "constructor" or "__proto__" finds
    // nothing rather than an object's internals.
    const vars = Object.create(null);
    for (const name of Object.keys(model.vars)) vars[name] = rat(model.vars[name]);
    vars.price = price;
    vars.paid = paid;
    vars.used = new Rat(BigInt(used), 1n);
    vars.total = new Rat(BigInt(model.total), 1n);
    vars.guarantee = guarantee;

    const v = evaluate(guarantee ? model.flat : model.policy, vars);
    if (!(v instanceof Rat)) throw new Error("the formula's result is a " + kind(v) + ", not an amount");
    // As in Go: a refund below 0 or above the amount paid is no answer.
    const amount = roundMinor(v, digits);
    const paidMinor = roundMinor(paid, digits);
    if (amount < 0n || amount > paidMinor) throw new Error("the refund formula gives an amount outside 0 and the amount paid");
    return {
      amount: plain(amount, digits),
      guarantee: guarantee,
      steps: steps(model, vars, v, amount, guarantee ? POLICY_FLAT : model.policy_id),
    };
  }

  // Step kinds and built-in policies, as generator/refund names them.
  const POLICY_PRORATA = "refund.policy.prorata";
  const POLICY_FLAT = "refund.policy.flat";
  const POLICY_NONE = "refund.policy.none";

  // breakdown mirrors Terms.breakdown: the signed exact components of a
  // built-in policy, zero components left out; null for another policy.
  function breakdown(model, policy, vars) {
    const zero = new Rat(0n, 1n);
    const neg = (x) => sub(zero, x);
    const paid = vars.paid;
    const parts = [{ kind: "paid", name: "", x: paid }];
    const push = (k, name, x) => {
      if (x.n !== 0n) parts.push({ kind: k, name: name, x: x });
    };
    if (policy === POLICY_NONE) {
      push("withheld", "", neg(paid));
      return parts;
    }
    if (policy === POLICY_PRORATA) {
      // (paid - deductions) * used / total: the share already delivered.
      push("delivered", "", neg(quo(mul(sub(paid, vars.deductions), vars.used), vars.total)));
    } else if (policy !== POLICY_FLAT) {
      return null;
    }
    push("bank_fee", "", neg(mul(paid, vars.bank_fee)));
    push("retention", "", neg(mul(paid, vars.retention)));
    for (const d of model.deduction_items || []) push("deduction", d.name, neg(rat(d.amount)));
    return parts;
  }

  // steps mirrors Terms.steps: the lines of the breakdown, each rounded
  // for display, a rounding line when they miss the result, and the
  // result; a policy it cannot break down gives paid, formula, result.
  function steps(model, vars, value, amount, policy) {
    const digits = model.digits;
    let parts = breakdown(model, policy, vars);
    let ok = parts !== null;
    if (ok) {
      let sum = new Rat(0n, 1n);
      for (const p of parts) sum = add(sum, p.x);
      if (policy !== POLICY_NONE && sum.n < 0n) {
        parts.push({ kind: "floor", name: "", x: sub(new Rat(0n, 1n), sum) });
        sum = new Rat(0n, 1n);
      }
      ok = cmp(sum, value) === 0;
    }
    const result = plain(amount, digits);
    if (!ok) {
      return [
        { kind: "paid", name: "", amount: plain(roundMinor(vars.paid, digits), digits) },
        { kind: "formula", name: "", amount: result },
        { kind: "result", name: "", amount: result },
      ];
    }
    const out = [];
    let shown = 0n;
    for (const p of parts) {
      const a = roundMinor(p.x, digits);
      out.push({ kind: p.kind, name: p.name, amount: plain(a, digits) });
      shown += a;
    }
    if (amount !== shown) out.push({ kind: "rounding", name: "", amount: plain(amount - shown, digits) });
    out.push({ kind: "result", name: "", amount: result });
    return out;
  }

  // Formatting styles: a copy of generator/money/format.go, kept in step by
  // a Go test that compares every currency in every language.
  const NBSP = "\u00a0";
  const SYMBOLS = { RUB: "₽", EUR: "€", USD: "$" };
  const symbolOrCode = (code) => (own(SYMBOLS, code) ? SYMBOLS[code] : code);
  const STYLES = {
    en: { group: ",", decimal: ".", codeFirst: true, sign: (code) => code },
    ru: { group: NBSP, decimal: ",", codeFirst: false, sign: symbolOrCode },
    de: { group: ".", decimal: ",", codeFirst: false, sign: symbolOrCode },
    ro: { group: ".", decimal: ",", codeFirst: false, sign: (code) => (code === "RON" ? "lei" : code) },
  };

  // format writes a plain amount ("47600.00") as money.Format does.
  function format(plainAmount, lang, currencyCode) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(plainAmount));
    if (!m) throw new Error("not a plain amount: " + JSON.stringify(plainAmount));
    const primary = String(lang || "").toLowerCase().split(/[-_]/)[0];
    const st = own(STYLES, primary) ? STYLES[primary] : STYLES.en;
    const digits = m[2];
    const first = digits.length % 3 || 3;
    let grouped = digits.slice(0, first);
    for (let i = first; i < digits.length; i += 3) grouped += st.group + digits.slice(i, i + 3);
    let out = m[1];
    if (st.codeFirst) out += st.sign(currencyCode) + NBSP;
    out += grouped;
    if (m[3] !== undefined) out += st.decimal + m[3];
    if (!st.codeFirst) out += NBSP + st.sign(currencyCode);
    return out;
  }

  root.OfertaCalc = {
    evaluate: evaluate,
    refund: refund,
    format: format,
    rat: rat,
    ratString: ratString,
  };
})(typeof window !== "undefined" ? window : globalThis);
