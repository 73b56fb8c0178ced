using System.Globalization;
using System.Text;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>Renders a <see cref="PerformanceReport"/> as an aligned plain-text table for a terminal.</summary>
public static class MetricsTextFormatter
{
    /// <summary>The table text; <paramref name="title"/> heads it and <paramref name="notes"/> follow the title, one per line.</summary>
    public static string Format(PerformanceReport report, string title, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Performance;
        var sb = new StringBuilder();
        sb.Append(title).Append('\n');
        sb.Append(new string('=', Math.Min(Math.Max(title.Length, 20), 100))).Append('\n');
        Row(sb, "Period", $"{Fmt.Time(p.Start)} → {Fmt.Time(p.End)} UTC ({Fmt.Int(p.Periods)} periods, {Fmt.Num(p.Years)} years)");
        Row(sb, "Annualisation", report.Options.Annualization.Basis);
        Row(sb, "Risk-free rate", Fmt.Pct(report.Options.RiskFreeRate) + " a year");
        foreach (var n in notes ?? [])
        {
            Row(sb, string.Empty, n);
        }

        Section(sb, "Returns");
        Row(sb, "Start equity", Fmt.Money(p.StartEquity));
        Row(sb, "End equity", Fmt.Money(p.EndEquity));
        Row(sb, "Total return", Fmt.Pct(p.TotalReturn));
        Row(sb, "CAGR", Fmt.Pct(p.Cagr));
        Row(sb, "Volatility (ann.)", Fmt.Pct(p.AnnualVolatility));
        Row(sb, "Sharpe", Fmt.Num(p.Sharpe));
        Row(sb, "Sortino", Fmt.Num(p.Sortino));
        Row(sb, "Calmar", Fmt.Num(p.Calmar));
        Row(sb, "Omega", Fmt.Num(p.Omega));
        Row(sb, "Stability (R²)", Fmt.Num(p.Stability, 3));

        Section(sb, "Risk");
        Row(sb, "Max drawdown", Fmt.Pct(p.MaxDrawdown));
        Row(sb, "Downside dev. (ann.)", Fmt.Pct(p.DownsideDeviation));
        Row(sb, "VaR 95% / 99%", $"{Fmt.Pct(p.ValueAtRisk95, 3)} / {Fmt.Pct(p.ValueAtRisk99, 3)} per period (historical)");
        Row(sb, "CVaR 95% / 99%", $"{Fmt.Pct(p.ConditionalValueAtRisk95, 3)} / {Fmt.Pct(p.ConditionalValueAtRisk99, 3)} per period");
        Row(sb, "Tail ratio", Fmt.Num(p.TailRatio));
        Row(sb, "Skew", Fmt.Num(p.Skew, 3));
        Row(sb, "Kurtosis (excess)", Fmt.Num(p.ExcessKurtosis, 3));

        if (report.Benchmark is { } b)
        {
            Section(sb, "Benchmark");
            if (report.BenchmarkNote is not null)
            {
                Row(sb, "Benchmark", report.BenchmarkNote);
            }

            Row(sb, "Beta", Fmt.Num(b.Beta, 3));
            Row(sb, "Alpha (ann.)", Fmt.Pct(b.Alpha));
            Row(sb, "Correlation", Fmt.Num(b.Correlation, 3));
            Row(sb, "Tracking error", Fmt.Pct(b.TrackingError));
            Row(sb, "Information ratio", Fmt.Num(b.InformationRatio));
            Row(sb, "Benchmark return", $"{Fmt.Pct(b.BenchmarkTotalReturn)} total, {Fmt.Pct(b.BenchmarkCagr)} CAGR");
            Row(sb, "Benchmark vol/Sharpe", $"{Fmt.Pct(b.BenchmarkVolatility)} / {Fmt.Num(b.BenchmarkSharpe)}");
            Row(sb, "Benchmark max DD", Fmt.Pct(b.BenchmarkMaxDrawdown));
            Row(sb, "Excess CAGR", Fmt.Pct(b.ExcessCagr));
        }

        if (report.Trades is { } t)
        {
            Section(sb, "Trades");
            Row(sb, "Round trips", $"{Fmt.Int(t.Count)} ({Fmt.Int(t.LongCount)} long, {Fmt.Int(t.ShortCount)} short)");
            Row(sb, "Win rate", Fmt.Pct(t.WinRate, 1));
            Row(sb, "Profit factor", Fmt.Num(t.ProfitFactor));
            Row(sb, "Expectancy", Fmt.Money(t.Expectancy) + " per trade");
            Row(sb, "Avg win / avg loss", $"{Fmt.Money(t.AverageWin)} / {Fmt.Money(t.AverageLoss)}");
            Row(sb, "Turnover (ann.)", Fmt.Num(t.AnnualTurnover) + "×");
        }

        if (report.Exposure is { } e)
        {
            Section(sb, "Exposure");
            Row(sb, "Gross / net", $"{Fmt.Pct(e.AverageGross, 1)} / {Fmt.Pct(e.AverageNet, 1)} average");
            Row(sb, "Long / short", $"{Fmt.Pct(e.AverageLong, 1)} / {Fmt.Pct(e.AverageShort, 1)} average");
            Row(sb, "Max gross", Fmt.Pct(e.MaxGross, 1));
        }

        Section(sb, "Worst drawdowns");
        if (report.TopDrawdowns.Count == 0)
        {
            sb.Append("  none (equity never fell below a previous high)\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {"#",-3}{"Depth",9}  {"Peak",-17}  {"Trough",-17}  {"Recovery",-17}  {"Duration",10}\n");
            int k = 1;
            foreach (var d in report.TopDrawdowns)
            {
                string rec = d.Recovery is DateTime r ? Fmt.Time(r) : "not recovered";
                sb.Append(CultureInfo.InvariantCulture, $"  {k++,-3}{Fmt.Pct(d.Depth),9}  {Fmt.Time(d.Peak),-17}  {Fmt.Time(d.Trough),-17}  {rec,-17}  {Fmt.Days(d.Duration),10}\n");
            }
        }

        Section(sb, "Period statistics");
        sb.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-12}{"Count",8}{"Mean",10}{"Median",10}{"Std",10}{"Best",10}{"Worst",10}{"% pos",8}\n");
        var ps = report.PeriodStatistics;
        Stat(sb, "Per period", ps.PerPeriod);
        Stat(sb, "Daily", ps.Daily);
        Stat(sb, "Monthly", ps.Monthly);
        Stat(sb, "Yearly", ps.Yearly);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string name) => sb.Append('\n').Append(name).Append('\n');

    private static void Row(StringBuilder sb, string label, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"  {label,-22}{value}\n");

    private static void Stat(StringBuilder sb, string label, ReturnSummary s) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"  {label,-12}{Fmt.Int(s.Count),8}{Fmt.Pct(s.Mean, 3),10}{Fmt.Pct(s.Median, 3),10}{Fmt.Pct(s.StdDev, 3),10}{Fmt.Pct(s.Best, 2),10}{Fmt.Pct(s.Worst, 2),10}{Fmt.Pct(s.PositiveFraction, 1),8}\n");
}
