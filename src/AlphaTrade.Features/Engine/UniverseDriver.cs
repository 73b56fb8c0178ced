using AlphaTrade.Core.Calendar;

namespace AlphaTrade.Features.Engine;

/// <summary>
/// Runs the universe stage one timeline step at a time. The batch engine replays the merged timeline through it and
/// the live engine calls it once per incoming timestamp, so both produce the same values.
/// </summary>
internal sealed class UniverseDriver
{
    private readonly ITradingCalendar _calendar;
    private readonly UniverseBlockState[] _states;
    private readonly int[] _offsets;
    private readonly double[] _prevClose;
    private double _benchPrevClose = double.NaN;
    private bool _any;

    public UniverseDriver(FeaturePlan plan, UniverseLayout layout, ITradingCalendar calendar)
        : this(plan, Enumerable.Range(0, plan.UniverseBlocks.Length).ToArray(), layout, calendar)
    {
    }

    /// <summary>A driver running only the universe blocks <paramref name="blocks"/> (indexes into the plan); outputs keep the plan's offsets.</summary>
    public UniverseDriver(FeaturePlan plan, int[] blocks, UniverseLayout layout, ITradingCalendar calendar)
    {
        _calendar = calendar;
        Step = new UniverseStep(layout, plan.UniverseFeatureCount);
        _states = blocks.Select(b => plan.UniverseBlocks[b].CreateState(layout)).ToArray();
        _offsets = blocks.Select(b => plan.UniverseOffsets[b]).ToArray();
        _prevClose = new double[layout.Count];
        Array.Fill(_prevClose, double.NaN);
    }

    public UniverseStep Step { get; }

    /// <summary>Starts the step at <paramref name="time"/> (strictly after the previous step).</summary>
    public void Begin(long time)
    {
        var s = Step;
        if (_any && time <= s.Time)
        {
            throw new ArgumentException("Timeline steps must strictly increase.", nameof(time));
        }

        var date = DateOnly.FromDateTime(_calendar.ToExchangeTime(new DateTime(time, DateTimeKind.Utc)));
        s.NewSession = _any && date != s.Date;
        s.Index = _any ? s.Index + 1 : 0;
        s.Date = date;
        s.Time = time;
        _any = true;
        Array.Clear(s.HasBar);
        for (int i = 0; i < s.StepReturn.Length; i++)
        {
            s.StepReturn[i] = double.IsNaN(_prevClose[i]) ? double.NaN : 0.0;
        }

        s.BenchmarkHasBar = false;
        s.BenchmarkStepReturn = double.IsNaN(_benchPrevClose) ? double.NaN : 0.0;
    }

    /// <summary>Records that symbol <paramref name="symbol"/> printed a bar closing at <paramref name="close"/>.</summary>
    public void SetBar(int symbol, double close, ReadOnlySpan<double> keyValues)
    {
        var s = Step;
        s.HasBar[symbol] = true;
        s.Active[symbol] = true;
        double prev = _prevClose[symbol];
        s.StepReturn[symbol] = prev > 0 && close > 0 ? Math.Log(close / prev) : double.NaN;
        s.Close[symbol] = close;
        _prevClose[symbol] = close;
        keyValues.CopyTo(s.Key[symbol]);
    }

    /// <summary>Records the benchmark's bar at this step.</summary>
    public void SetBenchmark(double close)
    {
        var s = Step;
        s.BenchmarkHasBar = true;
        s.BenchmarkStepReturn = _benchPrevClose > 0 && close > 0 ? Math.Log(close / _benchPrevClose) : double.NaN;
        s.BenchmarkClose = close;
        _benchPrevClose = close;
    }

    /// <summary>Runs every universe block for this step.</summary>
    public void End()
    {
        for (int b = 0; b < _states.Length; b++)
        {
            _states[b].Step(Step, _offsets[b]);
        }
    }
}
