using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Configuration;

/// <summary>Binds validated YAML mappings to the typed settings records. Defaults here mirror the shipped files.</summary>
internal static class SettingsBinder
{
    public static Settings BindSettings(ConfigNode root)
    {
        var mode = root.Enum("mode", RunMode.Backtest);

        var d = root.Section("data");
        var tfText = d.String("timeframe", "15min");
        if (!TimeFrame.TryParse(tfText, out var tf))
        {
            throw d.Error("timeframe", null, $"'{tfText}' is not a bar size; expected e.g. 1min, 5min, 15min, 30min, 1h or daily");
        }

        var data = new DataSettings(
            d.String("raw_dir", "data/raw"),
            d.String("processed_dir", "data/processed"),
            d.String("sample_dir", "data/sample"),
            tf,
            d.Enum("timestamp_label", TimestampLabel.Start),
            d.Enum("bad_rows", BadRowPolicy.Fail),
            d.Enum("extended_hours", ExtendedHoursPolicy.Drop),
            d.Enum("missing_bars", MissingBarPolicy.Leave),
            d.Enum("duplicates", DuplicatePolicy.KeepLast),
            d.Double("outlier_zscore", 8.0, 3.0, 100.0),
            d.Bool("cache", true));
        d.EnsureNoUnknownKeys();

        var e = root.Section("exchange");
        var calendar = e.String("calendar", "NYSE");
        if (!string.Equals(calendar, "NYSE", StringComparison.OrdinalIgnoreCase))
        {
            throw e.Error("calendar", null, $"'{calendar}' is not supported; expected NYSE");
        }

        var tz = e.String("timezone", "America/New_York");
        if (!string.Equals(tz, "America/New_York", StringComparison.Ordinal))
        {
            throw e.Error("timezone", null, $"'{tz}' is not supported; the NYSE calendar runs on America/New_York");
        }

        var exchange = new ExchangeSettings("NYSE", tz);
        e.EnsureNoUnknownKeys();

        var s = root.Section("sample");
        var sample = new SampleSettings(
            s.Int("seed", 42, 0, int.MaxValue),
            s.Date("start", new DateOnly(2024, 1, 2))!.Value,
            s.Date("end", new DateOnly(2025, 12, 31))!.Value);
        if (sample.End < sample.Start)
        {
            throw s.Error("end", null, $"{sample.End:yyyy-MM-dd} is before sample.start {sample.Start:yyyy-MM-dd}");
        }

        s.EnsureNoUnknownKeys();

        var b = root.Section("backtest");
        var backtest = new BacktestSettings(
            b.Decimal("initial_capital", 1_000_000m, 1m, 1_000_000_000_000m),
            b.String("default_strategy", "sma_crossover"),
            b.Date("start", null),
            b.Date("end", null),
            b.String("results_dir", "results"));
        if (backtest.Start is { } bs && backtest.End is { } be && be < bs)
        {
            throw b.Error("end", null, $"{be:yyyy-MM-dd} is before backtest.start {bs:yyyy-MM-dd}");
        }

        b.EnsureNoUnknownKeys();

        var a = root.Section("account");
        var account = new AccountSettings(a.Enum("type", AccountType.Margin));
        a.EnsureNoUnknownKeys();

        var c = root.Section("costs");
        var costs = new CostSettings(
            c.Enum("commission", CommissionKind.PerShare),
            c.Decimal("per_share", 0.005m, 0m, 1m),
            c.Decimal("min_per_order", 1.00m, 0m, 1000m),
            c.Decimal("max_pct_of_value", 0.01m, 0m, 1m),
            c.Decimal("percent", 0.0005m, 0m, 0.1m),
            c.Decimal("sec_fee_rate", 0.0000278m, 0m, 0.01m),
            c.Decimal("finra_taf_per_share", 0.000166m, 0m, 0.01m),
            c.Decimal("finra_taf_max", 8.30m, 0m, 1000m),
            c.Enum("slippage", SlippageKind.FixedBps),
            c.Double("slippage_bps", 1.0, 0, 1000),
            c.Double("impact_k", 0.1, 0, 10),
            c.Double("participation_cap", 0.10, 0.0001, 1.0),
            c.Double("borrow_fee_annual", 0.005, 0, 2),
            c.Double("cash_interest_annual", 0.0, 0, 1),
            c.Double("debit_interest_annual", 0.06, 0, 1));
        c.EnsureNoUnknownKeys();

        var l = root.Section("logging");
        var logging = new LoggingSettings(l.Enum("level", LogLevel.Info), l.String("dir", "logs"), l.Enum("format", LogFormat.Text));
        l.EnsureNoUnknownKeys();

        root.EnsureNoUnknownKeys();
        return new Settings(mode, data, exchange, sample, backtest, account, costs, logging);
    }

    public static RiskParams BindRisk(ConfigNode r)
    {
        var risk = new RiskParams(
            r.Double("max_position_pct", 0.10, 0.0001, 1.0),
            r.Double("max_sector_pct", 0.30, 0.0001, 1.0),
            r.Double("max_gross_exposure", 1.0, 0.01, 4.0),
            r.Double("max_net_exposure", 1.0, 0.0, 4.0),
            r.Double("max_drawdown_pct", 0.15, 0.001, 1.0),
            r.Enum("drawdown_action", ProtectiveAction.Flatten),
            r.Double("daily_loss_limit_pct", 0.03, 0.0001, 1.0),
            r.Double("circuit_breaker_pct", 0.03, 0.0001, 1.0),
            r.Enum("circuit_breaker_action", ProtectiveAction.Halt),
            r.Double("max_var_pct", 0.02, 0.0001, 1.0),
            r.Double("var_confidence", 0.95, 0.5, 0.9999),
            r.Decimal("max_order_notional", 250_000m, 1m, 1_000_000_000m),
            r.Int("max_order_shares", 20_000, 1, 100_000_000),
            r.Decimal("min_order_notional", 100m, 0m, 1_000_000m),
            r.Double("price_band_pct", 0.05, 0.0001, 1.0),
            r.Int("max_orders_per_minute", 120, 1, 100_000),
            r.Bool("allow_short", true),
            Tickers(r, "restricted"),
            Tickers(r, "short_restricted"));
        r.EnsureNoUnknownKeys();
        return risk;
    }

    private static List<string> Tickers(ConfigNode node, string key)
    {
        var list = node.StringList(key);
        foreach (var t in list)
        {
            if (!IsTicker(t))
            {
                throw node.Error(key, null, $"'{t}' is not a ticker; expected upper-case letters, digits, '.' or '-'");
            }
        }

        return list.ToList();
    }

    private static bool IsTicker(string s) =>
        s.Length is > 0 and <= 12 && char.IsAsciiLetterUpper(s[0]) && s.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch is '.' or '-');

    /// <summary>The 11 GICS sectors.</summary>
    public static readonly string[] GicsSectors =
    [
        "Information Technology", "Communication Services", "Consumer Discretionary", "Consumer Staples", "Health Care",
        "Financials", "Energy", "Industrials", "Materials", "Utilities", "Real Estate",
    ];

    public static TradingUniverse BindUniverse(ConfigNode root)
    {
        var benchmark = root.String("benchmark", "SPY");
        if (!IsTicker(benchmark))
        {
            throw root.Error("benchmark", null, $"'{benchmark}' is not a ticker");
        }

        var items = root.MappingList("symbols");
        if (items.Count == 0)
        {
            throw root.Error("symbols", null, "the universe is empty; list at least one symbol");
        }

        var list = new List<SymbolInfo>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var sym = item.RequiredString("symbol");
            if (!IsTicker(sym))
            {
                throw item.Error("symbol", null, $"'{sym}' is not a ticker; expected upper-case letters, digits, '.' or '-'");
            }

            if (!seen.Add(sym))
            {
                throw item.Error("symbol", null, $"'{sym}' is listed twice");
            }

            var sector = item.RequiredString("sector");
            if (!GicsSectors.Contains(sector, StringComparer.Ordinal))
            {
                throw item.Error("sector", null, $"'{sector}' is not a GICS sector; expected one of {string.Join(", ", GicsSectors)}");
            }

            list.Add(new SymbolInfo(sym, item.String("name", sym), sector, item.String("industry", string.Empty)));
            item.EnsureNoUnknownKeys();
        }

        root.EnsureNoUnknownKeys();
        return new TradingUniverse(list, benchmark);
    }
}
