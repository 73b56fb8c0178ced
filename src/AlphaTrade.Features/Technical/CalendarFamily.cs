using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features.Technical;

/// <summary>
/// Time encodings known at the bar's start: time of day and day of week and month as sine/cosine pairs (so the
/// cycle has no seam), the session's progress at the bar's end, first/last bar and early-close flags, and the
/// trading sessions left in the month (from the exchange calendar).
/// </summary>
public sealed record CalendarSpec : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "calendar";

    internal override void Build(PlanBuilder builder) => builder.Add(new CalendarBlock());
}

internal sealed class CalendarBlock : SymbolBlock
{
    public CalendarBlock()
        : base(
        [
            new FeatureInfo("tod_sin", "calendar", "sin(2π · minutes since the open / 390)"),
            new FeatureInfo("tod_cos", "calendar", "cos(2π · minutes since the open / 390)"),
            new FeatureInfo("dow_sin", "calendar", "sin(2π · weekday / 5), Monday = 0"),
            new FeatureInfo("dow_cos", "calendar", "cos(2π · weekday / 5)"),
            new FeatureInfo("month_sin", "calendar", "sin(2π · (month − 1) / 12)"),
            new FeatureInfo("month_cos", "calendar", "cos(2π · (month − 1) / 12)"),
            new FeatureInfo("session_progress", "calendar", "share of the session elapsed at the bar's end"),
            new FeatureInfo("first_bar", "calendar", "1 on the session's first bar, else 0"),
            new FeatureInfo("last_bar", "calendar", "1 on the session's last bar (by the calendar), else 0"),
            new FeatureInfo("early_close", "calendar", "1 on a scheduled early-close session, else 0"),
            new FeatureInfo("month_end_sessions", "calendar", "trading sessions left in the month after today / 21"),
        ])
    {
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream();

    private sealed class Stream : SymbolStream
    {
        public override void Update(in BarContext bar, Span<double> output)
        {
            double tod = 2 * Math.PI * bar.MinutesFromOpen / 390.0;
            output[0] = Math.Sin(tod);
            output[1] = Math.Cos(tod);
            int dow = (int)bar.Date.DayOfWeek - 1;
            double d = 2 * Math.PI * dow / 5.0;
            output[2] = Math.Sin(d);
            output[3] = Math.Cos(d);
            double m = 2 * Math.PI * (bar.Date.Month - 1) / 12.0;
            output[4] = Math.Sin(m);
            output[5] = Math.Cos(m);
            output[6] = bar.InSession ? Math.Min(1.0, ((bar.DecisionTime - bar.Time) / (double)TimeSpan.TicksPerMinute + bar.MinutesFromOpen) / bar.SessionMinutes) : double.NaN;
            output[7] = bar.NewSession ? 1 : 0;
            output[8] = bar.LastBarOfSession ? 1 : 0;
            output[9] = bar.EarlyClose ? 1 : 0;
            output[10] = bar.SessionsLeftInMonth / 21.0;
        }
    }
}
