package main

import (
	"fmt"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/docx"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

// statementDOCX writes a course's refund statement form as a Word
// document: the page's form (themes/default/layouts/refund.html) field
// for field, in the theme's words, prefilled with the seller, the course,
// the contract's address and edition, with ruled blanks for the rest.
func statementDOCX(r *render.Renderer, s *site.Site, k *contract.Contract, st edition.Status) ([]byte, error) {
	l := k.Lang
	sv, err := r.Statement(k, st)
	if err != nil {
		return nil, err
	}
	var missing error
	t := func(key string) string {
		v, err := r.String(l, key)
		if err != nil && missing == nil {
			missing = err
		}
		return v
	}
	field := func(key, value string) docx.FormItem {
		return docx.FormItem{Kind: docx.FormField, Text: t(key), Value: value}
	}
	pair := func(a, b docx.FormItem) docx.FormItem {
		a.Kind = docx.FormPair
		a.Second = &b
		return a
	}
	part := func(key string) docx.FormItem { return docx.FormItem{Kind: docx.FormPart, Text: t(key)} }
	text := func(key string) docx.FormItem { return docx.FormItem{Kind: docx.FormText, Text: t(key)} }
	choice := func(s string) docx.FormItem { return docx.FormItem{Kind: docx.FormChoice, Text: s} }

	eu := site.EUJurisdiction(s.Config.Jurisdiction)
	seller := s.Config.Seller
	to := docx.FormItem{Kind: docx.FormTo, Text: t("st_to"), Lines: []string{seller.Name}}
	if eu {
		if seller.VATID != "" {
			to.Lines = append(to.Lines, t("seller_vat_id")+": "+seller.VATID)
		}
		if seller.Register != "" {
			to.Lines = append(to.Lines, t("seller_register")+": "+seller.Register)
		}
	} else {
		reg := ""
		if seller.INN != "" {
			reg = t("seller_inn") + "\u00a0" + seller.INN
		}
		if seller.OGRN != "" {
			if reg != "" {
				reg += ", "
			}
			key := "seller_ogrn"
			if seller.Kind == "ip" {
				key = "seller_ogrnip"
			}
			reg += t(key) + "\u00a0" + seller.OGRN
		}
		if reg != "" {
			to.Lines = append(to.Lines, reg)
		}
	}
	if seller.Address != "" {
		to.Lines = append(to.Lines, seller.Address)
	}
	if seller.Email != "" {
		to.Lines = append(to.Lines, t("seller_email")+": "+seller.Email)
	}
	if eu && seller.Phone != "" {
		to.Lines = append(to.Lines, t("seller_phone")+": "+seller.Phone)
	}
	items := []docx.FormItem{to}
	course := k.Course.Title
	var title string
	if eu {
		title = t("st_eu_title")
		items = append(items,
			docx.FormItem{Kind: docx.FormTitle, Text: title},
			docx.FormItem{Kind: docx.FormSubtitle, Text: t("st_eu_subtitle")},
			text("st_eu_notice"),
			field("st_service", course),
			pair(field("st_eu_ordered_on", ""), field("st_eu_received_on", "")),
			field("st_eu_name", ""),
			docx.FormItem{Kind: docx.FormLines, Text: t("st_eu_address"), Rows: 2},
			pair(field("st_email", ""), field("st_phone", "")),
			part("st_contract"),
			field("st_order", ""),
			field("st_offer", sv.OfferURL),
			field("st_edition", sv.Edition),
			pair(field("st_paid_on", ""), field("st_paid_amount", "")),
			field("st_method", ""),
			part("st_eu_refund"),
			text("st_eu_refund_text"),
			field("st_amount_optional", ""),
			docx.FormItem{Kind: docx.FormLines, Text: t("st_amount_words"), Rows: 2},
			choice(t("st_eu_pay_same")),
			choice(t("st_eu_pay_account")),
			field("st_account_holder", ""),
			field("st_iban", ""),
			pair(field("st_bic", ""), field("st_bank", "")),
		)
	} else {
		title = t("st_ru_title")
		items = append(items,
			docx.FormItem{Kind: docx.FormTo, Text: t("st_from")},
			field("st_name", ""), field("st_phone", ""), field("st_email_login", ""),
			docx.FormItem{Kind: docx.FormTitle, Text: title},
			docx.FormItem{Kind: docx.FormSubtitle, Text: t("st_ru_subtitle")},
			part("st_contract"),
			text("st_ru_contract_text"),
			field("st_offer", sv.OfferURL),
			pair(field("st_edition", sv.Edition), field("st_order", "")),
			field("st_course", course),
			pair(field("st_paid_on", ""), field("st_paid_amount", "")),
			field("st_method", ""),
			part("st_ru_claim"),
		)
		for _, g := range sv.Grounds {
			label := t("st_ru_ground_" + g.Kind)
			if g.Clause != "" {
				label += " " + fmt.Sprintf(t("st_ground_clause"), g.Clause)
			}
			items = append(items, choice(label))
			if g.Details {
				items = append(items, docx.FormItem{Kind: docx.FormLines, Text: t("st_ru_ground_" + g.Kind + "_details"), Rows: 5})
			}
		}
		items = append(items,
			part("st_ru_refund"),
			field("st_amount", ""),
			docx.FormItem{Kind: docx.FormLines, Text: t("st_amount_words"), Rows: 2},
			text("st_ru_pay_to"),
			choice(t("st_ru_pay_card")),
			choice(t("st_ru_pay_account")),
			field("st_recipient", ""),
			field("st_account_number", ""),
			pair(field("st_bik", ""), field("st_bank", "")),
		)
	}
	signature := "st_signature"
	if eu {
		signature = "st_eu_signature"
	}
	items = append(items,
		part("st_attachments"),
		choice(t("st_att_receipt")),
		field("st_att_other", ""),
		pair(field("st_date", ""), field(signature, "")),
	)
	if missing != nil {
		return nil, missing
	}
	return docx.Form(title+": "+course, l, items)
}
