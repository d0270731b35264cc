// Package checkout writes the texts an EU seller puts on its checkout page
// and in the contract's confirmation e-mail, for one course: the express
// request to start a service within the withdrawal period (Directive
// 2011/83/EU arts. 7(3), 8(8)), the consent and acknowledgement of losing
// the right of withdrawal for recorded lessons (art. 16(m)), and the
// confirmation on a durable medium that repeats them with the contract's
// edition and its permanent address (art. 8(7)).
//
// The texts are data: one file of text/template strings per language
// (texts/<lang>.toml, embedded). They belong in the seller's kit (oferta
// kit), never on the published site.
package checkout
