// Package kit writes the seller's kit: the texts a seller sends clients
// about refunds, filled in for each course, which are never published.
// Today: the message asking a client for a refund statement, replies
// that accept a refund, accept part of it with the calculation, or ask for
// missing details (Russian law), and for every course the checkout texts
// (checkout.md): the acceptance checkbox of the payment page on a ru site,
// the EU checkout texts of package checkout on an eu, de or ro site; and
// for every course the embed snippets (embed.md, see Embed): the contract
// in the edition in force, the calculator widget and, on an eu, de or ro
// site, the withdrawal function, each an <iframe> with a host-side
// <script> that takes the height frame.js posts, only from base_url's
// origin, with instructions for Tilda, WordPress and GetCourse.
//
// The texts are data: texts/<lang>.toml holds, per language, the index
// page's labels, the title and note of the EU checkout texts, and a list
// of documents, each a Go text/template with the course's data (see
// docData) and an optional list of jurisdictions it is written for.
//
// Every text that names the contract names the edition in force on the
// build date and its permanent address (Edition), never a scheduled one;
// while no edition is frozen, the contract's address.
//
// The kit is one Markdown file per course and document
// (<course path>/<doc id>.md) and an index.html that shows every text
// with a button to copy it. The output is deterministic: the same site
// gives the same bytes.
package kit
