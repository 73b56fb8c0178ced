using System.Globalization;
using System.Text;
using AlphaTrade.Analytics.Charts;
using AlphaTrade.Optimization.Overfitting;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>The self-contained optimize.html: inline CSS and SVG, no scripts or external resources.</summary>
internal static class OptimizeReportHtml
{
    private const string Style = """
        body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1040px;color:#1d1d1f;line-height:1.45;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .sub{color:#666;font-size:13px}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
        .card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:130px}.card b{display:block;font-size:18px}
        .card span{color:#666;font-size:12px}table{border-collapse:collapse;font-size:13px;margin:6px 0}
        th,td{border-bottom:1px solid #e5e5e5;padding:4px 10px;text-align:right}th{background:#f5f5f7}
        td.l,th.l{text-align:left}p.note{color:#444;font-size:13px;max-width:900px}code{background:#f5f5f7;padding:0 3px}
        .warn{color:#b00020}.ok{color:#0a7d32}
        """;

    public static string Render(OptimizeReport report)
    {
        var sb = new StringBuilder();
        string E(string s) => ReportText.Escape(s);
        var a = report.Analysis;
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>optimize: ").Append(E(report.Strategy))
          .Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>Optimisation of ").Append(E(report.Strategy)).Append("</h1>\n<div class=\"sub\">run ").Append(E(report.RunId));
        if (report.CreatedUtc is DateTime created)
        {
            sb.Append(" · ").Append(created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        if (report.Data is not null)
        {
            sb.Append(" · ").Append(E(report.Data));
        }

        sb.Append("<br>objective <code>").Append(E(report.Objective.Name)).Append("</code> (").Append(E(report.Objective.Description))
          .Append(") · parameters ").Append(E(string.Join(" ", report.Parameters.Select(p => p.Source))));
        if (report.Constraint is not null)
        {
            sb.Append(" · constraint <code>").Append(E(report.Constraint)).Append("</code>");
        }

        sb.Append("</div>\n");

        // Summary cards.
        sb.Append("<div class=\"cards\">\n");
        Card(sb, Count(report.Sweep.Outcomes.Count), "configurations" + (report.Sweep.Failed > 0 ? $" ({Count(report.Sweep.Failed)} failed)" : string.Empty));
        if (a is not null)
        {
            Card(sb, E(a.Chosen.Parameters.ToString()), "chosen configuration");
            Card(sb, ReportText.Value(a.Chosen.Objective), report.Objective.Name + " of the chosen");
            if (a.DeflatedSharpe is { } d)
            {
                Card(sb, Percent(d.Dsr), "deflated Sharpe ratio (DSR)", d.Dsr >= 0.95);
                Card(sb, Percent(d.Psr), "probabilistic Sharpe ratio (PSR)");
            }

            if (a.Pbo is { } p)
            {
                Card(sb, Percent(p.Pbo), "probability of backtest overfitting", p.Pbo <= 0.2);
            }
        }

        if (report.WalkForward is { } wfc)
        {
            Card(sb, ReportText.Value(wfc.OutOfSampleObjective), "walk-forward out-of-sample " + report.Objective.Name);
        }

        sb.Append("</div>\n");

        if (report.Heatmap is { } grid)
        {
            sb.Append("<h2>Heatmap</h2>\n");
            sb.Append(HeatmapSvg.Render(grid, new HeatmapSvgOptions(Highlight: a?.Chosen.Parameters)));
            sb.Append("<p class=\"note\">Each cell is the ").Append(grid.Aggregation switch
            {
                HeatmapAggregation.Max => "largest",
                HeatmapAggregation.Min => "smallest",
                _ => "mean",
            }).Append(' ').Append(E(report.Objective.Name)).Append(" over the other parameters; the outlined cell holds the chosen configuration. ")
              .Append("A broad bright plateau is more trustworthy than an isolated bright cell.</p>\n");
        }

        Top(sb, report);
        if (a is not null)
        {
            Overfitting(sb, report, a);
        }

        if (report.WalkForward is { } wf)
        {
            WalkForwardSection(sb, report, wf);
        }

        var failures = report.Sweep.Outcomes.Where(o => !o.Succeeded).ToList();
        if (failures.Count > 0)
        {
            sb.Append("<h2>Failed configurations</h2>\n<table><tr><th class=\"l\">configuration</th><th class=\"l\">error</th></tr>\n");
            foreach (var f in failures.Take(20))
            {
                sb.Append("<tr><td class=\"l\">").Append(E(f.Parameters.ToString())).Append("</td><td class=\"l\">").Append(E(f.Error ?? string.Empty)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
            if (failures.Count > 20)
            {
                sb.Append("<p class=\"note\">").Append(Count(failures.Count - 20)).Append(" more in optimize.csv.</p>\n");
            }
        }

        sb.Append("<h2>Methods</h2>\n<p class=\"note\">Returns are per-period simple returns; Sharpe = mean/std(ddof=1)·√P with P = ")
          .Append(ReportText.Value(report.PeriodsPerYear)).Append(" periods a year, no risk-free rate. ")
          .Append("Deflated Sharpe ratio: Bailey &amp; López de Prado (2014), <i>The Deflated Sharpe Ratio</i>, Journal of Portfolio Management 40(5). ")
          .Append("PBO: Bailey, Borwein, López de Prado &amp; Zhu (2017), <i>The Probability of Backtest Overfitting</i>, Journal of Computational Finance 20(4). ")
          .Append("Details in docs/optimization.md.</p>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Top(StringBuilder sb, OptimizeReport report)
    {
        var top = report.Sweep.Ranked(report.Objective).Take(10).ToList();
        if (top.Count == 0)
        {
            return;
        }

        string[] shown = [MetricNames.Sharpe, MetricNames.Sortino, MetricNames.TotalReturn, MetricNames.MaxDrawdown, MetricNames.ProfitFactor];
        var metrics = shown.Where(m => top.Any(o => o.Result!.Metrics.ContainsKey(m))).ToArray();
        sb.Append("<h2>Top ").Append(top.Count.ToString(CultureInfo.InvariantCulture)).Append(" configurations</h2>\n<table><tr><th>rank</th>");
        foreach (var p in report.Parameters)
        {
            sb.Append("<th>").Append(ReportText.Escape(p.Name)).Append("</th>");
        }

        sb.Append("<th>").Append(ReportText.Escape(report.Objective.Name)).Append("</th>");
        foreach (var m in metrics)
        {
            sb.Append("<th>").Append(m).Append("</th>");
        }

        sb.Append("</tr>\n");
        for (int i = 0; i < top.Count; i++)
        {
            var o = top[i];
            sb.Append("<tr><td>").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var p in report.Parameters)
            {
                sb.Append("<td>").Append(ReportText.Escape(o.Parameters.TryGet(p.Name, out var v) ? v.ToString() : string.Empty)).Append("</td>");
            }

            sb.Append("<td><b>").Append(ReportText.Value(o.Objective)).Append("</b></td>");
            foreach (var m in metrics)
            {
                sb.Append("<td>").Append(o.Result!.Metrics.TryGetValue(m, out double x) ? ReportText.Value(x) : string.Empty).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Overfitting(StringBuilder sb, OptimizeReport report, OptimizationSummary a)
    {
        sb.Append("<h2>Overfitting control</h2>\n");
        if (a.DeflatedSharpe is { } d)
        {
            sb.Append("<h3>Deflated Sharpe ratio</h3>\n<table>")
              .Append(Row("Sharpe ratio of the chosen (annualised / per period)", ReportText.Value(d.AnnualisedSharpe) + " / " + ReportText.Value(d.Sharpe)))
              .Append(Row("trials N / variance of their per-period Sharpe ratios V", Count(d.Trials) + " / " + ReportText.Value(d.TrialSharpeVariance)))
              .Append(Row("expected maximum Sharpe ratio of N null trials SR* (annualised / per period)", ReportText.Value(d.AnnualisedExpectedMaxSharpe) + " / " + ReportText.Value(d.ExpectedMaxSharpe)))
              .Append(Row("observations T, skewness γ3, kurtosis γ4", Count(d.Observations) + ", " + ReportText.Value(d.Skewness) + ", " + ReportText.Value(d.Kurtosis)))
              .Append(Row("PSR: P(true Sharpe ratio > 0)", Percent(d.Psr)))
              .Append(Row("DSR: P(true Sharpe ratio > SR*)", Percent(d.Dsr)))
              .Append("</table>\n<p class=\"note\">Searching N configurations inflates the best Sharpe ratio even when none has an edge: ")
              .Append("with N trials whose Sharpe ratios vary by V, the best is expected near SR* = √V·((1−γ)Φ⁻¹(1−1/N) + γΦ⁻¹(1−1/(Ne))) (γ ≈ 0.5772). ")
              .Append("The DSR is the probabilistic Sharpe ratio against SR*, Φ((SR−SR*)·√(T−1)/√(1 − γ3·SR + (γ4−1)/4·SR²)), which also penalises ")
              .Append("short samples, negative skew and fat tails. A DSR above 95% means the chosen configuration's Sharpe ratio is unlikely to be ")
              .Append("a product of the search alone.</p>\n");
        }

        if (a.Pbo is { } p)
        {
            sb.Append("<h3>Probability of backtest overfitting (CSCV)</h3>\n<table>")
              .Append(Row("PBO", Percent(p.Pbo)))
              .Append(Row("blocks S / combinations C(S, S/2)", Count(p.Blocks) + " / " + Count(p.Combinations)))
              .Append(Row("trials N / observations T", Count(p.Trials) + " / " + Count(p.Observations)))
              .Append(Row("probability of loss out of sample", Percent(p.ProbabilityOfLoss)))
              .Append(Row("degradation: slope of OOS on IS Sharpe (R²)", ReportText.Value(p.DegradationSlope) + " (" + ReportText.Value(p.DegradationRSquared) + ")"))
              .Append(Row("logit λ mean / median", ReportText.Value(p.LogitMean) + " / " + ReportText.Value(p.LogitMedian)))
              .Append("</table>\n");
            sb.Append(HistogramSvg(p));
            sb.Append("<p class=\"note\">The returns of all trials are cut into S blocks; for every way of taking half of them as the in-sample set, ")
              .Append("the trial with the best in-sample Sharpe ratio is ranked out of sample among all N trials (relative rank ω = rank/(N+1), ")
              .Append("logit λ = ln(ω/(1−ω))). PBO is the share of splits where that trial is no better than the median out of sample (λ ≤ 0). ")
              .Append("Near 0: the in-sample choice keeps its edge; near 50%: selection is no better than chance; above: the choice is overfitted. ")
              .Append("A negative degradation slope means higher in-sample Sharpe ratios go with lower out-of-sample ones.</p>\n");
        }
        else if (a.PboUnavailableReason is not null)
        {
            sb.Append("<p class=\"note\">PBO not computed: ").Append(ReportText.Escape(a.PboUnavailableReason)).Append(".</p>\n");
        }
    }

    private static void WalkForwardSection(StringBuilder sb, OptimizeReport report, WalkForward.WalkForwardResult wf)
    {
        sb.Append("<h2>Walk-forward</h2>\n");
        if (report.WalkForwardSpec is not null)
        {
            sb.Append("<p class=\"note\"><code>").Append(ReportText.Escape(report.WalkForwardSpec.ToString())).Append("</code></p>\n");
        }

        string When(WalkForward.BarRange r)
        {
            var t = report.BarTimesUtc;
            return t is not null && !r.IsEmpty && r.End <= t.Count
                ? OptimizeReportWriter.Timestamp(t[r.Start])[..10] + " – " + OptimizeReportWriter.Timestamp(t[r.End - 1])[..10]
                : r.ToString();
        }

        sb.Append("<table><tr><th>fold</th><th class=\"l\">train</th><th class=\"l\">test</th><th class=\"l\">chosen</th><th>IS ")
          .Append(ReportText.Escape(report.Objective.Name)).Append("</th><th>OOS ").Append(ReportText.Escape(report.Objective.Name))
          .Append("</th><th>OOS sharpe</th><th>OOS total_return</th><th>OOS max_drawdown</th></tr>\n");
        foreach (var f in wf.Folds)
        {
            sb.Append("<tr><td>").Append((f.Fold.Index + 1).ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"l\">").Append(When(f.Fold.Train))
              .Append("</td><td class=\"l\">").Append(When(f.Fold.Test)).Append("</td><td class=\"l\">").Append(ReportText.Escape(f.Chosen.ToString()))
              .Append("</td><td>").Append(ReportText.Value(f.InSampleObjective)).Append("</td><td>").Append(ReportText.Value(f.OutOfSampleObjective))
              .Append("</td><td>").Append(ReportText.Value(f.OutOfSample.Sharpe)).Append("</td><td>").Append(ReportText.Value(f.OutOfSample.TotalReturn))
              .Append("</td><td>").Append(ReportText.Value(f.OutOfSample.MaxDrawdown)).Append("</td></tr>\n");
        }

        sb.Append("<tr><td class=\"l\" colspan=\"5\"><b>stitched out of sample</b> (").Append(Count(wf.StitchedReturns.Length)).Append(" periods)</td><td><b>")
          .Append(ReportText.Value(wf.OutOfSampleObjective)).Append("</b></td><td>").Append(ReportText.Value(wf.OutOfSample.Sharpe)).Append("</td><td>")
          .Append(ReportText.Value(wf.OutOfSample.TotalReturn)).Append("</td><td>").Append(ReportText.Value(wf.OutOfSample.MaxDrawdown)).Append("</td></tr>\n</table>\n");
        sb.Append("<p class=\"note\">Each fold chooses the configuration with the best ").Append(ReportText.Escape(report.Objective.Name))
          .Append(" on its training window and trades it, unchanged, on the following test window. The stitched series is what the procedure ")
          .Append("would have earned out of sample; compare it with the full-sample optimum above.</p>\n");
    }

    private static string HistogramSvg(PboResult p)
    {
        var (edges, counts) = p.LogitHistogram(24);
        return ChartFactory.Histogram(
            "Histogram of the CSCV logits",
            edges,
            counts,
            "logit λ (left of the dashed line: overfitted splits)",
            "splits",
            split: 0,
            width: 560,
            height: 200);
    }

    private static void Card(StringBuilder sb, string value, string label, bool? good = null)
    {
        string cls = good is null ? string.Empty : good.Value ? " class=\"ok\"" : " class=\"warn\"";
        sb.Append("<div class=\"card\"><b").Append(cls).Append('>').Append(value).Append("</b><span>").Append(ReportText.Escape(label)).Append("</span></div>\n");
    }

    private static string Row(string label, string value) => "<tr><td class=\"l\">" + ReportText.Escape(label) + "</td><td>" + value + "</td></tr>\n";

    private static string Percent(double v) => double.IsFinite(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
