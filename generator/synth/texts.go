package synth

// The texts synthetic courses are made of. They are invented for
// benchmarks, written plainly, and some hold characters that Markdown
// treats specially (*, _, #, [ ]) so that escaping is exercised too.

type topic struct {
	slug, category string
	ru, en         string
}

var topics = []topic{
	{"smm", "marketing", "Продвижение в соцсетях", "Social media marketing"},
	{"copywriting", "marketing", "Копирайтинг для экспертов", "Copywriting for experts"},
	{"email", "marketing", "E-mail-рассылки, которые читают", "E-mail newsletters people read"},
	{"ads", "marketing", "Контекстная реклама", "Search advertising"},
	{"excel", "it", "Excel для аналитики", "Excel for analysis"},
	{"python", "it", "Python с нуля", "Python from scratch"},
	{"sql", "it", "SQL для аналитиков", "SQL for analysts"},
	{"data", "it", "Анализ данных в Jupyter", "Data analysis in Jupyter"},
	{"web", "it", "Вёрстка сайтов: HTML и CSS", "Web pages with HTML & CSS"},
	{"design", "creative", "Графический дизайн", "Graphic design"},
	{"figma", "creative", "Figma для интерфейсов", "Figma for interfaces"},
	{"photo", "creative", "Фотография на телефон", "Phone photography"},
	{"video", "creative", "Монтаж коротких видео", "Editing short videos"},
	{"sketch", "creative", "Скетчинг маркерами", "Sketching with markers"},
	{"english", "languages", "Разговорный английский", "Spoken English"},
	{"german", "languages", "Немецкий для переезда", "German for moving abroad"},
	{"spanish", "languages", "Испанский за лето", "Spanish over the summer"},
	{"finance", "life", "Личные финансы без стресса", "Personal finance without stress"},
	{"yoga", "life", "Йога для спины", "Yoga for your back"},
	{"baking", "life", "Домашняя выпечка", "Home baking"},
	{"speaking", "life", "Публичные выступления", "Public speaking"},
	{"pm", "life", "Управление проектами", "Project management"},
}

type faq struct{ question, answer string }

type langTexts struct {
	formats         map[string]string
	includes        []string
	forWhom         []string
	results         []string
	deductions      []string
	faq             []faq
	retentionReason string
}

var texts = map[string]langTexts{
	"ru": {
		formats: map[string]string{"recorded": "курс в записи", "group": "групповой курс", "personal": "личное наставничество"},
		includes: []string{
			"видеоуроки от 10 до 30 минут с конспектами",
			"проверка домашних заданий куратором",
			"общий чат группы с куратором по будням",
			"личные созвоны с наставником по 60 минут",
			"шаблоны и чек-листы к каждому модулю (PDF)",
			"итоговый проект с разбором",
			"доступ к материалам на 12 месяцев",
			"записи всех онлайн-занятий",
			"сертификат о прохождении курса",
			"разбор вашей работы на эфире #разбор",
		},
		forWhom: []string{
			"Тем, кто начинает с нуля и хочет разобраться в основах без лишней теории.",
			"Тем, кто уже пробовал сам и хочет навести порядок в знаниях.",
			"Специалистам, которым нужен новый инструмент для работы.",
			"Владельцам небольших проектов, которые делают всё сами.",
			"Тем, кто хочет сменить профессию и проверить, подходит ли она.",
		},
		results: []string{
			"Вы сделаете несколько работ для портфолио и поймёте, как двигаться дальше. Результат зависит от вашей практики, поэтому конкретных цифр мы не обещаем.",
			"После курса вы сможете самостоятельно решать типовые задачи и знать, где искать ответы на нетиповые.",
			"Вы соберёте свой план на следующие три месяца и научитесь оценивать результат по понятным признакам.",
			"Вы освоите базовые приёмы и попробуете их на своих задачах под присмотром куратора.",
		},
		deductions: []string{
			"Диагностическая сессия с наставником",
			"Печатная рабочая тетрадь с доставкой",
			"Вступительное тестирование",
			"Набор материалов для практики",
		},
		faq: []faq{
			{"Что если я пропущу занятие?", "Запись каждого занятия появляется в личном кабинете в тот же день. Домашнее задание можно сдать по записи."},
			{"Нужен ли опыт?", "Нет. Первые уроки рассчитаны на тех, кто начинает с нуля; если опыт есть, их можно пройти быстрее."},
			{"Можно ли оплатить частями?", "Да, через банк-партнёр на 3, 6 или 12 месяцев. Условия рассрочки показывает банк при оформлении."},
			{"Сколько времени нужно в неделю?", "Около 4–6 часов: 2 часа на уроки и остальное на практику. Если неделя выдалась тяжёлой, задание можно сдать позже."},
			{"Выдаёте ли вы документ об окончании?", "Да, электронный сертификат. Это не документ об образовании: мы не ведём образовательную деятельность по лицензии."},
			{"Что если мне не подойдёт формат?", "Напишите куратору в первую неделю: предложим другой поток или **вернём деньги** по правилам оферты."},
		},
		retentionReason: "Доля покрывает подтверждённые расходы на проверку работ; расчёт приложен к договору.",
	},
	"en": {
		formats: map[string]string{"recorded": "recorded course", "group": "group course", "personal": "one-to-one mentoring"},
		includes: []string{
			"video lessons of 10 to 30 minutes with notes",
			"homework reviewed by a tutor",
			"a group chat with the tutor on weekdays",
			"one-to-one calls with a mentor, 60 minutes each",
			"templates and checklists for every module (PDF)",
			"a final project with feedback",
			"access to the materials for 12 months",
			"recordings of every live session",
			"a certificate of completion",
			"a live review of your work in a *feedback* session",
		},
		forWhom: []string{
			"Beginners who want the basics without needless theory.",
			"People who have tried on their own and want to put their knowledge in order.",
			"Professionals who need a new tool for their work.",
			"Owners of small projects who do everything themselves.",
			"Anyone thinking of a career change who wants to try the field first.",
		},
		results: []string{
			"You will make several pieces for your portfolio and know how to go on. Results depend on your practice, so we promise no particular figures.",
			"After the course you will solve common tasks on your own and know where to look for answers to the rest.",
			"You will draw up your plan for the next three months and learn to judge progress by clear signs.",
			"You will learn the basic techniques and try them on your own tasks with a tutor's help.",
		},
		deductions: []string{
			"Diagnostic session with a mentor",
			"Printed workbook with delivery",
			"Placement test with a teacher",
			"Practice materials kit",
		},
		faq: []faq{
			{"What if I miss a session?", "The recording of every session is in your account the same day. You can hand in the homework from the recording."},
			{"Do I need experience?", "No. The first lessons are for beginners; if you have experience, you can go through them faster."},
			{"Can I pay in instalments?", "Yes, through a partner bank over 3, 6 or 12 months. The bank shows its terms when you apply."},
			{"How much time does it take each week?", "About 4–6 hours: 2 hours of lessons and the rest for practice. If a week is hard, you can hand in the task later."},
			{"Do you give a certificate?", "Yes, an electronic certificate. It is not a state diploma."},
			{"What if the format does not suit me?", "Write to your tutor in the first week: we will suggest another group or **refund you** under the contract."},
		},
		retentionReason: "The share covers the documented cost of reviewing work; the calculation is attached to the contract.",
	},
}
