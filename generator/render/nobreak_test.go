package render

import "testing"

func TestNoBreak(t *testing.T) {
	const nb = "\u00a0"
	for in, want := range map[string]string{
		"Наставничество по SMM: 8 недель": "Наставничество по SMM: 8" + nb + "недель",
		"ул. Учебная, д. 12, офис 3":      "ул. Учебная, д." + nb + "12, офис" + nb + "3",
		"80 000 ₽":            "80" + nb + "000" + nb + "₽",
		"№ 5, 15 %":           "№" + nb + "5, 15" + nb + "%",
		"Excel для аналитики": "Excel для аналитики",
		"8 8 8":               "8" + nb + "8" + nb + "8",
	} {
		if got := noBreak(in); got != want {
			t.Errorf("noBreak(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkCyrillic(t *testing.T) {
	for in, want := range map[string]string{
		`<p>Address: 420111, Республика Татарстан, офис 3</p>`: `<p>Address: <span lang="ru">420111, Республика Татарстан, офис 3</span></p>`,
		`<p>marked “income” («возврат прихода», Law</p>`:       `<p>marked “income” (<span lang="ru">«возврат прихода»</span>, Law</p>`,
		`<a title="Школа">Seller&#39;s Школа</a>`:              `<a title="Школа">Seller&#39;s <span lang="ru">Школа</span></a>`,
		`<title>Школа</title><script>"Школа"</script>`:         `<title>Школа</title><script>"Школа"</script>`,
		`<p>No Russian here.</p>`:                              `<p>No Russian here.</p>`,
	} {
		if got := string(markCyrillic([]byte(in))); got != want {
			t.Errorf("markCyrillic(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
