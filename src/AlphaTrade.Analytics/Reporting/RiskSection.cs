using System.Text;
using AlphaTrade.Analytics.Charts;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>
/// The tearsheet's risk section: whether and how the risk layer was applied, rolling historical VaR/CVaR (95%, 99%)
/// of the daily returns (chart and latest values), the limit events (counts per limit and decision with first and last
/// occurrence, and the first <see cref="EventRows"/> resize/reject/state events), and gross/net exposure by sector over
/// time against <c>max_sector_pct</c>. Kept apart from <see cref="TearsheetBuilder"/> so the section can change on its own.
/// </summary>
internal static class RiskSection
{
    /// <summary>Events listed in the table (the counts cover them all).</summary>
    public const int EventRows = 50;

    private static readonly string[] Palette =
        ["#1f4e79", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#17a589", "#a04000", "#5d6d7e", "#d4ac0d", "#884ea0", "#2874a6", "#cb4335"];

    private static string E(string s) => Html.Escape(s);

    private static void Chart(StringBuilder sb, string title, string svg) =>
        sb.Append("<h3>").Append(E(title)).Append("</h3><div class=\"panel\">").Append(svg).Append("</div>\n");

    /// <summary>Appends the section's content (the caller writes its heading).</summary>
    public static void Append(StringBuilder sb, TearsheetInput input, PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(report);
        var risk = input.Risk;
        var summary = RiskSummary.Compute(risk, input.Analytics.Curve);
        Status(sb, summary);
        TailRisk(sb, summary.Rolling, report);
        if (risk?.ValueAtRisk is { } v && v.TimeUtcTicks.Length > 0)
        {
            Chart(sb, v.Label + " over time", new LineChart
            {
                Label = v.Label,
                Series = [new LineSeries("VaR", "#c0392b", v.TimeUtcTicks, v.Values, 1.4)],
                IncludeZero = true,
                Height = 210,
            }.Render());
        }

        Events(sb, risk, summary);
        SectorExposure(sb, input.Analytics.Exposure, risk?.SectorLimit);
    }

    private static void Status(StringBuilder sb, RiskSummary s)
    {
        sb.Append("<div class=\"note\">");
        if (!s.Enabled)
        {
            sb.Append("<b>Risk layer off.</b> ").Append(E(s.Note ?? string.Empty)).Append(" No order was checked against config/risk_params.yaml.</div>\n");
            return;
        }

        sb.Append("<b>Risk layer on.</b> ");
        if (s.Note is { Length: > 0 } note)
        {
            sb.Append(E(note)).Append(' ');
        }

        sb.Append(Fmt.Int(s.Accepted + s.Resized + s.Rejected)).Append(" orders checked: ").Append(Fmt.Int(s.Accepted)).Append(" accepted, ")
          .Append(Fmt.Int(s.Resized)).Append(" resized, ").Append(Fmt.Int(s.Rejected)).Append(" rejected; ")
          .Append(Fmt.Int(s.StateEvents)).Append(" state events (limits tripping, new days, kill switch).</div>\n");
    }

    private static void TailRisk(StringBuilder sb, RollingTailRisk? r, PerformanceReport report)
    {
        if (r is null)
        {
            sb.Append("<div class=\"note\">Too few trading days for rolling VaR (at least ").Append(Fmt.Int(RollingTailRisk.DefaultMinPeriods + 1))
              .Append(" are needed).</div>\n");
            return;
        }

        string window = Fmt.Int(r.Window) + " sessions";
        Chart(sb, "Rolling historical VaR and CVaR of daily returns (trailing " + window + ")", new LineChart
        {
            Label = "Rolling 1-day historical VaR and CVaR at 95% and 99%",
            Series =
            [
                new LineSeries("VaR 95%", "#1f4e79", r.TimeUtcTicks, r.Var95, 1.5),
                new LineSeries("CVaR 95%", "#2e8b57", r.TimeUtcTicks, r.Cvar95, 1.2, "4 3"),
                new LineSeries("VaR 99%", "#c0392b", r.TimeUtcTicks, r.Var99, 1.5),
                new LineSeries("CVaR 99%", "#d68910", r.TimeUtcTicks, r.Cvar99, 1.2, "4 3"),
            ],
            IncludeZero = true,
            Height = 230,
        }.Render());

        var p = report.Performance;
        sb.Append("<table><thead><tr><th>1-day historical (return quantile; negative = loss)</th><th>VaR 95%</th><th>CVaR 95%</th><th>VaR 99%</th><th>CVaR 99%</th></tr></thead><tbody>");
        sb.Append("<tr><td>Latest, trailing ").Append(E(window)).Append(" to ").Append(Fmt.Time(new DateTime(r.TimeUtcTicks[^1], DateTimeKind.Utc)))
          .Append(" UTC</td>").Append(Cell(r.Var95[^1])).Append(Cell(r.Cvar95[^1])).Append(Cell(r.Var99[^1])).Append(Cell(r.Cvar99[^1])).Append("</tr>");
        int worst = 0;
        for (int i = 1; i < r.Count; i++)
        {
            worst = r.Var99[i] < r.Var99[worst] ? i : worst;
        }

        sb.Append("<tr><td>Worst (by VaR 99%), ").Append(Fmt.Time(new DateTime(r.TimeUtcTicks[worst], DateTimeKind.Utc))).Append(" UTC</td>")
          .Append(Cell(r.Var95[worst])).Append(Cell(r.Cvar95[worst])).Append(Cell(r.Var99[worst])).Append(Cell(r.Cvar99[worst])).Append("</tr>");
        sb.Append("<tr><td>Whole run, per bar</td>").Append(Cell(p.ValueAtRisk95)).Append(Cell(p.ConditionalValueAtRisk95))
          .Append(Cell(p.ValueAtRisk99)).Append(Cell(p.ConditionalValueAtRisk99)).Append("</tr></tbody></table>\n");
    }

    private static string Cell(double x) => "<td>" + Fmt.Pct(x, 3) + "</td>";

    private static void Events(StringBuilder sb, RiskData? risk, RiskSummary s)
    {
        sb.Append("<h3>Risk-limit events</h3>");
        if (risk is null || !s.Enabled)
        {
            sb.Append("<div class=\"note\">No risk-limit events: the risk layer was off.</div>\n");
            return;
        }

        if (s.ByLimit.Count == 0)
        {
            sb.Append("<div class=\"note\">No order was resized or rejected and no limit tripped.</div>\n");
            return;
        }

        sb.Append("<table><thead><tr><th>Limit</th><th style=\"text-align:left\">Type</th><th style=\"text-align:left\">Decision</th><th>Count</th><th>First (UTC)</th><th>Last (UTC)</th></tr></thead><tbody>");
        foreach (var c in s.ByLimit)
        {
            sb.Append("<tr><td>").Append(E(c.Limit)).Append("</td><td style=\"text-align:left\">").Append(E(c.Category))
              .Append("</td><td style=\"text-align:left\">").Append(E(c.Verdict)).Append("</td><td>").Append(Fmt.Int(c.Count))
              .Append("</td><td>").Append(Fmt.Time(new DateTime(c.FirstUtcTicks, DateTimeKind.Utc)))
              .Append("</td><td>").Append(Fmt.Time(new DateTime(c.LastUtcTicks, DateTimeKind.Utc))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n");

        var shown = risk.Events.Where(e => e.Category != "order" || e.Verdict != "accept").ToList();
        sb.Append("<h3>First ").Append(Fmt.Int(Math.Min(EventRows, shown.Count))).Append(" of ").Append(Fmt.Int(shown.Count))
          .Append(" resize, reject and state events</h3>");
        sb.Append("<table><thead><tr><th>Time (UTC)</th><th style=\"text-align:left\">Type</th><th style=\"text-align:left\">Limit</th><th style=\"text-align:left\">Decision</th>")
          .Append("<th style=\"text-align:left\">Order</th><th style=\"text-align:left\">Reason</th></tr></thead><tbody>");
        foreach (var e in shown.Take(EventRows))
        {
            string order = e.Category == "order"
                ? string.Join(' ', e.Strategy, e.Side, Fmt.Int(e.RequestedQuantity), e.Symbol) + " → " + Fmt.Int(e.FinalQuantity)
                : string.Empty;
            sb.Append("<tr><td>").Append(Fmt.Time(new DateTime(e.TimeUtcTicks, DateTimeKind.Utc))).Append("</td><td style=\"text-align:left\">").Append(E(e.Category))
              .Append("</td><td style=\"text-align:left\">").Append(E(e.Kind)).Append("</td><td style=\"text-align:left\">").Append(E(e.Verdict))
              .Append("</td><td style=\"text-align:left\">").Append(E(order))
              .Append("</td><td style=\"text-align:left;white-space:normal\">").Append(E(e.Detail)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n");
    }

    private static void SectorExposure(StringBuilder sb, ExposureSeries? x, double? limit)
    {
        sb.Append("<h3>Exposure by sector</h3>");
        if (x is null || x.Count == 0 || x.Sectors.Count == 0)
        {
            sb.Append("<div class=\"note\">No position snapshots with sectors were recorded, so sector exposure is not shown.</div>\n");
            return;
        }

        var t = x.Time.ToArray();
        var gross = new List<LineSeries>();
        var net = new List<LineSeries>();
        for (int k = 0; k < x.Sectors.Count; k++)
        {
            string color = Palette[k % Palette.Length];
            gross.Add(new LineSeries(x.Sectors[k], color, t, x.SectorGross(k).ToArray(), 1.2));
            net.Add(new LineSeries(x.Sectors[k], color, t, x.SectorNet(k).ToArray(), 1.2));
        }

        Chart(sb, "Gross exposure by sector over time (fraction of equity, at each session close)", new LineChart
        {
            Label = "Gross exposure by sector",
            Series = gross,
            IncludeZero = true,
            Height = 240,
            References = limit is { } l ? [new ReferenceLine(l, "max_sector_pct " + Fmt.Pct(l, 0), "#c0392b")] : [],
        }.Render());
        Chart(sb, "Net exposure by sector over time (fraction of equity)", new LineChart
        {
            Label = "Net exposure by sector",
            Series = net,
            IncludeZero = true,
            Height = 240,
        }.Render());

        sb.Append("<table><thead><tr><th>Sector</th><th>Latest gross</th><th>Latest net</th><th>Average gross</th><th>Max gross</th><th>Average net</th></tr></thead><tbody>");
        for (int k = 0; k < x.Sectors.Count; k++)
        {
            var g = x.SectorGross(k);
            var n = x.SectorNet(k);
            double maxGross = 0, sumGross = 0, sumNet = 0;
            for (int i = 0; i < g.Length; i++)
            {
                maxGross = Math.Max(maxGross, g[i]);
                sumGross += g[i];
                sumNet += n[i];
            }

            sb.Append("<tr><td>").Append(E(x.Sectors[k])).Append("</td><td>").Append(Fmt.Pct(g[^1], 1)).Append("</td><td>").Append(Fmt.Pct(n[^1], 1))
              .Append("</td><td>").Append(Fmt.Pct(sumGross / g.Length, 1)).Append("</td><td>").Append(Fmt.Pct(maxGross, 1))
              .Append("</td><td>").Append(Fmt.Pct(sumNet / n.Length, 1)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n");
    }
}
