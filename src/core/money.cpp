// Money as a person reads it (see money.hpp).
#include "core/money.hpp"

#include "core/text_format.hpp"

namespace labcalc::core {

Money MoneyOf(const Catalog& c, std::string_view code)
{
    Money m;
    const Currency* want = FindCurrency(c, code);
    const Currency* usd = FindCurrency(c, "USD");
    if (!want || !usd || want == usd || !(usd->per_eur.value > 0))
        return m;
    m.code = want->code;
    m.symbol = want->symbol;
    m.per_usd = want->per_eur.value / usd->per_eur.value;
    // Both quotes name their source and date; the rate is made of the two.
    m.rate_source = want->per_eur.source + "; and " + usd->per_eur.source;
    m.rate_date = want->per_eur.date < usd->per_eur.date ? want->per_eur.date : usd->per_eur.date;
    return m;
}

Money ResolveMoney(const Scenario& s, const Catalog& c)
{
    if (s.currency) {
        Money m = MoneyOf(c, *s.currency);
        m.chosen_by = "you";
        return m;
    }
    if (s.country)
        if (const Country* place = FindCountry(c, *s.country); place && !place->currency.empty()) {
            Money m = MoneyOf(c, place->currency);
            m.chosen_by = "country";
            return m;
        }
    return Money{};
}

std::string FormatMoney(double usd, const Money& m) { return FormatAmount(FromUsd(usd, m), m.symbol); }

} // namespace labcalc::core
