package kit

import (
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/site"
)

// Embed is a course's embed snippets (<course path>/embed.md): for a
// sales page on Tilda, WordPress or GetCourse, one <iframe> with its
// host-side <script> per embeddable page.
type Embed struct {
	Title    string
	Note     string // the instructions, for the seller only
	Path     string // "smm/embed.md"
	Snippets []Snippet
}

// Snippet is one page to embed: its frame and the few lines that let the
// frame take the height the page posts (themes/default/assets/frame.js).
type Snippet struct {
	Title string // "Refund calculator"
	Code  string // the HTML to paste
}

// embedTexts are one language's labels of embed.md, in texts/<lang>.toml
// under [embed]; Title and Note are text/templates over docData.
type embedTexts struct {
	Title      string `toml:"title"`
	Note       string `toml:"note"`
	Contract   string `toml:"contract"`
	Calculator string `toml:"calculator"`
	Withdraw   string `toml:"withdraw"`
}

// hasWidget reports whether the build writes the course's calculator
// widget: whether the terms in force have a refund formula (as
// render.Renderer.termsInForce decides).
func hasWidget(k *contract.Contract, st edition.Status) bool {
	if st.Live() {
		return k.Terms != nil
	}
	return st.InForceDoc.Terms != nil
}

// embedDoc builds a course's embed snippets: the contract in the edition
// in force, the calculator widget when the course has one, and on an eu,
// de or ro site the withdrawal function.
func embedDoc(s *site.Site, k *contract.Contract, st edition.Status, t *texts, ed Edition, data docData, dir string) (*Embed, error) {
	origin, err := siteOrigin(s.Config.BaseURL)
	if err != nil {
		return nil, err
	}
	e := &Embed{Path: dir + "embed.md"}
	if e.Title, err = fill(k.Lang, "embed", t.Embed.Title, data); err != nil {
		return nil, err
	}
	if e.Note, err = fill(k.Lang, "embed", t.Embed.Note, data); err != nil {
		return nil, err
	}
	id := "oferta-" + strings.ReplaceAll(strings.TrimSuffix(dir, "/"), "/", "-")
	add := func(label, kind, src string, height int) {
		e.Snippets = append(e.Snippets, Snippet{Title: label,
			Code: snippet(id+"-"+kind, src, label+": "+k.Course.Title, origin, height)})
	}
	add(t.Embed.Contract, "contract", ed.URL, 800)
	if hasWidget(k, st) {
		add(t.Embed.Calculator, "calculator", s.Config.BaseURL+dir+"widget/", 480)
	}
	if site.EUJurisdiction(s.Config.Jurisdiction) {
		add(t.Embed.Withdraw, "withdraw", contract.WithdrawURL(s, k.Course), 640)
	}
	return e, nil
}

// siteOrigin is the origin of base_url, "https://school.example": the
// only origin whose messages a snippet's script takes.
func siteOrigin(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("kit: base_url %q is no absolute address", base)
	}
	return u.Scheme + "://" + u.Host, nil
}

// snippet is one frame and its listener. The page in the frame posts
// {oferta: "resize", height: <px>} to its parent (frame.js); the listener
// takes it only from this frame and from the site's origin, and only a
// number of pixels.
func snippet(id, src, title, origin string, height int) string {
	return fmt.Sprintf(`<iframe id="%s" src="%s" title="%s" style="width:100%%;border:0" height="%d" loading="lazy"></iframe>
<script>
(function () {
  var frame = document.getElementById(%q);
  window.addEventListener("message", function (event) {
    if (event.origin !== %q || event.source !== frame.contentWindow) return;
    var d = event.data;
    if (!d || d.oferta !== "resize" || typeof d.height !== "number" || !(d.height > 0)) return;
    frame.style.height = Math.ceil(d.height) + "px";
  });
})();
</script>`, id, html.EscapeString(src), html.EscapeString(title), height, id, origin)
}

// embedMarkdown is embed.md: the title, the instructions as a quotation,
// then each snippet under its heading.
func embedMarkdown(e *Embed, c Course) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", e.Title, c.Title)
	for i, line := range strings.Split(e.Note, "\n") {
		if i > 0 {
			b.WriteString(">\n") // one paragraph per instruction
		}
		b.WriteString(strings.TrimRight("> "+line, " ") + "\n")
	}
	b.WriteString("\n---\n")
	for _, sn := range e.Snippets {
		fmt.Fprintf(&b, "\n## %s\n\n```html\n%s\n```\n", sn.Title, sn.Code)
	}
	return b.String()
}
