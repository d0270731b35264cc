package render

// pageWords are the few texts the Go side composes with data; everything
// else a page says comes from the theme's i18n files.
type pageWords struct {
	contractTitle, faqTitle, statementTitle string
	changesTitle                            string
	formats                                 map[string]string
	usedOf                                  string // "%d из %d"
	unitHeader                              string // "Пройдено: %s"
	guaranteeNote                           string // days, amount
	message                                 string // course, url, review, payout
	summary                                 map[string]string
}

func words(l string) pageWords {
	if l == "ru" {
		return ruWords
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
	unitHeader:     "Пройдено (%s)",
	guaranteeNote:  "В течение %s с начала курса действует гарантия: возвращается %s, сколько бы курса ни было пройдено.",
	message: "Здравствуйте!\n\nЧтобы оформить возврат за курс «%s», пришлите, пожалуйста, заявление на возврат. " +
		"Форма: %s — её можно заполнить на сайте и распечатать или написать заявление от руки и прислать фото.\n\n" +
		"Заявление нужно нашему бухгалтеру: оно подтверждает, что платёж вам возвращён. " +
		"Мы рассмотрим его в течение %s и перечислим деньги в течение %s тем же способом, которым вы платили.\n\nСпасибо!",
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
	unitHeader:     "Delivered (%s)",
	guaranteeNote:  "Within %s of the start a guarantee applies: you get %s back, however much of the course was delivered.",
	message: "Hello,\n\nTo arrange your refund for the course “%s”, please send us a refund statement. " +
		"The form is here: %s — you can fill it in on the website and print it, or write the statement by hand and send us a photo.\n\n" +
		"Our accountant needs the statement: it shows that your payment was returned. " +
		"We will review it within %s and send the money within %s, by the same means you paid.\n\nThank you!",
	summary: map[string]string{
		"refund.policy.prorata": "Refund in proportion to the part of the course not yet delivered.",
		"refund.policy.flat":    "Refund of the amount paid regardless of the part of the course taken, less the deductions the contract lists, if any.",
		"refund.policy.none":    "Refund as the law provides: the costs actually incurred are paid.",
		"":                      "The contract describes how refunds work.",
	},
}
