// Package spell writes amounts of money in words, as accounting documents
// state them next to the figures: «сорок семь тысяч шестьсот рублей 00
// копеек», "forty-seven thousand six hundred roubles and 00 kopecks".
//
// The rules of a language are data (a Lang value: the words for units,
// teens, tens and hundreds, the scale words with their grammatical gender,
// the plural rule and the currency names), so that a language whose
// numbers are built the same way is added as a table. The browser gets the
// same tables as JSON next to words.js (see Script), and a test runs the
// script under node against Amount on many amounts.
//
// Style, the same for every language:
//
//   - The whole part is in words, the minor part in two (or the currency's
//     number of) digits with the minor unit: the way Russian accounting
//     documents write it («… рублей 00 копеек»), and the way cheques are
//     written in English. Digits for the minor part cannot be misread and
//     need no second set of words.
//   - English joins the major and the minor part with "and" and uses no
//     "and" inside a number ("one hundred one roubles and 05 kopecks"), so
//     "and" always means the decimal point. Tens and units are joined by a
//     hyphen ("forty-seven"). Currency names follow the usage of the
//     issuing bank's English texts: rouble/kopeck (Bank of Russia),
//     euro/cent with a plural "s" (EU Interinstitutional Style Guide),
//     dollar/cent, pound sterling/penny.
//   - Russian writes «одна тысяча», «один рубль», «две копейки»: the gender
//     of the word that follows decides the form of 1 and 2.
//   - German writes a number below a million as one word, the unit
//     before the ten («einundzwanzigtausendfünfhunderteins»), millions
//     apart («zwei Millionen dreihunderttausend»); «ein»/«eine» before a
//     noun («ein Euro», «eintausend», «eine Million»), «eins» at the end
//     of a longer number («einhunderteins Euro»); «… Euro und 05 Cent».
//   - Romanian puts «de» between a number ending in 00 or 20–99 and its
//     noun («douăzeci de lei», «o mie de lei», «o sută unu lei»; the
//     "romanian" plural rule gives the noun forms with «de»), agrees 1
//     and 2 with «mie» (f) and «milion» (n) («douăzeci și una de mii»,
//     «două milioane») and writes a lone 1 «un»/«o» («un leu», «o mie»,
//     «un milion»); «… lei și 05 bani».
//   - A currency the tables do not name is written with its ISO code and
//     the minor part as a fraction: "forty-seven thousand six hundred KZT
//     and 00/100".
//
// Amounts from 0 up to and including one billion (10^9) of the major unit
// are written; a negative or larger amount is an error, never a wrong text.
package spell
