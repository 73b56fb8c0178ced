using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Optimization.WalkForward;

/// <summary>How training windows move from fold to fold.</summary>
public enum WalkForwardMode
{
    /// <summary>A training window of fixed length that rolls forward with the test window.</summary>
    Rolling,

    /// <summary>A training window anchored at the first bar that grows with every fold (also called anchored).</summary>
    Expanding,
}

/// <summary>
/// A walk-forward design: <c>train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=N]</c>.
/// </summary>
/// <param name="Train">Training window length.</param>
/// <param name="Test">Test (out-of-sample) window length.</param>
/// <param name="Step">How far the test window moves between folds; equal to <paramref name="Test"/> by default.</param>
/// <param name="Mode">Rolling or expanding training windows.</param>
/// <param name="Gap">
/// Purge/embargo gap in bars: the last <c>Gap</c> bars before each test window are dropped from its training window,
/// so no training observation is within <c>Gap</c> bars of the first test bar (set it to the longest holding or label
/// horizon). Test windows are not shortened, so stitched out-of-sample series stay contiguous.
/// </param>
public sealed record WalkForwardSpec(WindowLength Train, WindowLength Test, WindowLength Step, WalkForwardMode Mode = WalkForwardMode.Rolling, int Gap = 0)
{
    /// <summary>What a walk-forward argument looks like, for error messages.</summary>
    public const string ExpectedForm = "expected train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS] with units M (months), W (weeks), D (days) or B (bars)";

    /// <summary>True when the windows are in bars; false when they are calendar lengths.</summary>
    public bool InBars => !Train.IsCalendar;

    /// <summary>
    /// Parses the option's text. Keys may come in any order, each once; <c>step</c> defaults to <c>test</c>,
    /// <c>mode</c> to rolling (<c>anchored</c> is accepted for expanding), <c>gap</c> to 0 bars. Bars cannot be mixed
    /// with calendar units. Bad input throws an <see cref="InputException"/> quoting the text.
    /// </summary>
    public static WalkForwardSpec Parse(string text, string option = "--walk-forward")
    {
        ArgumentNullException.ThrowIfNull(text);
        InputException Fail(string what) => new($"{option} '{text}': {what}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        WindowLength? train = null, test = null, step = null;
        var mode = WalkForwardMode.Rolling;
        int gap = 0;
        if (text.Trim().Length == 0)
        {
            throw Fail(ExpectedForm);
        }

        foreach (var rawPart in text.Split(','))
        {
            string part = rawPart.Trim();
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Fail($"'{part}' is not key=value; {ExpectedForm}");
            }

            string key = part[..eq].Trim().ToLowerInvariant();
            string value = part[(eq + 1)..].Trim();
            if (!seen.Add(key))
            {
                throw Fail($"'{key}' is given more than once");
            }

            switch (key)
            {
                case "train":
                    train = Length(key, value);
                    break;
                case "test":
                    test = Length(key, value);
                    break;
                case "step":
                    step = Length(key, value);
                    break;
                case "mode":
                    mode = value.ToLowerInvariant() switch
                    {
                        "rolling" => WalkForwardMode.Rolling,
                        "expanding" or "anchored" => WalkForwardMode.Expanding,
                        _ => throw Fail($"mode '{value}' is unknown; expected rolling or expanding"),
                    };
                    break;
                case "gap":
                    string g = value.EndsWith('B') || value.EndsWith('b') ? value[..^1] : value;
                    if (!int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out gap))
                    {
                        throw Fail($"gap '{value}' is not a whole number of bars (e.g. gap=10)");
                    }

                    break;
                default:
                    throw Fail($"unknown key '{key}'; {ExpectedForm}");
            }
        }

        if (train is null || test is null)
        {
            throw Fail($"{(train is null ? "train" : "test")} is missing; {ExpectedForm}");
        }

        var spec = new WalkForwardSpec(train.Value, test.Value, step ?? test.Value, mode, gap);
        if (spec.Train.IsCalendar != spec.Test.IsCalendar || spec.Train.IsCalendar != spec.Step.IsCalendar)
        {
            throw Fail("mixes bars (B) with calendar units (M, W, D); use one kind");
        }

        return spec;

        WindowLength Length(string key, string value) => WindowLength.TryParse(value)
            ?? throw Fail($"{key} '{value}' is not a length; expected a whole count and M (months), W (weeks), D (days) or B (bars), e.g. 12M");
    }

    /// <summary>Canonical text, e.g. <c>train=12M,test=3M,step=3M,mode=rolling,gap=0</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"train={Train},test={Test},step={Step},mode={(Mode == WalkForwardMode.Rolling ? "rolling" : "expanding")},gap={Gap}");
}
