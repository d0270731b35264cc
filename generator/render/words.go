package render

// pageWords are the few texts the Go side composes with data; everything
// else a page says comes from the theme's i18n files.
type pageWords struct {
	contractTitle, faqTitle, statementTitle string
	changesTitle                            string
	formats                                 map[string]string
	usedOf                                  string // "%d из %d"
	unitsOf                                 string // "%s из %d": "3 недели из 8"
	unitHeader                              string // "Пройдено: %s"
	guaranteeNote                           string // days, amount
	summary                                 map[string]string
}

func words(l string) pageWords {
	switch l {
	case "ru":
		return ruWords
	case "de":
		return deWords
	case "ro":
		return roWords
	}
	return enWords
}

var ruWords = pageWords{
	contractTitle:  "Договор-оферта",
	faqTitle:       "Возврат: вопросы и ответы",
	statementTitle: "Заявление на возврат",
	changesTitle:   "Изменения договора",
	formats:        map[string]string{"personal": "Личное наставничество", "group": "Групповой курс", "recorded": "Курс в записи"},
	usedOf:         "%d из %d",
	unitsOf:        "%s из %d",
	unitHeader:     "Пройдено (%s)",
	guaranteeNote:  "В течение %s с начала курса действует гарантия: возвращается %s, сколько бы курса ни было пройдено.",
	summary: map[string]string{
		"refund.policy.prorata": "Возврат пропорционально непройденной части курса.",
		"refund.policy.flat":    "Возврат уплаченной суммы без учёта пройденной части курса, за вычетом удержаний, указанных в договоре, если они есть.",
		"refund.policy.none":    "Возврат по закону: с оплатой фактически понесённых расходов.",
		"":                      "Порядок возврата описан в договоре.",
	},
}

var enWords = pageWords{
	contractTitle:  "Public offer contract",
	faqTitle:       "Refunds: questions and answers",
	statementTitle: "Refund statement",
	changesTitle:   "Changes to the contract",
	formats:        map[string]string{"personal": "Personal mentoring", "group": "Group course", "recorded": "Recorded course"},
	usedOf:         "%d of %d",
	unitsOf:        "%s of %d",
	unitHeader:     "Delivered (%s)",
	guaranteeNote:  "Within %s of the start a guarantee applies: you get %s back, however much of the course was delivered.",
	summary: map[string]string{
		"refund.policy.prorata": "Refund in proportion to the part of the course not yet delivered.",
		"refund.policy.flat":    "Refund of the amount paid regardless of the part of the course taken, less the deductions the contract lists, if any.",
		"refund.policy.none":    "Refund as the law provides: the costs actually incurred are paid.",
		"":                      "The contract describes how refunds work.",
	},
}
