using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Models.Features;

/// <summary>Which quantity a <see cref="LabelSpec"/> learns.</summary>
public enum LabelKind
{
    /// <summary>1 when the close H bars ahead is above today's close (classification).</summary>
    Direction,

    /// <summary>The H-bar forward log return (regression).</summary>
    Return,

    /// <summary>
    /// The triple-barrier label of the feature set (López de Prado): 1 when the profit-take barrier is touched first,
    /// 0 for the stop-loss or the time limit (classification); the label ends when a barrier is touched.
    /// </summary>
    TripleBarrier,
}

/// <summary>
/// What the model learns: <c>direction:H</c> (1 when the close H bars ahead is above today's close, classification),
/// <c>return:H</c> (the H-bar forward log return, regression) or <c>triple-barrier:H</c> (profit-take touched first,
/// classification, from the feature set's triple-barrier label with time limit H). The label ends H bars after its
/// row, or for a triple barrier at the bar that touched a barrier.
/// </summary>
public sealed record LabelSpec(ModelTask Task, int Horizon)
{
    /// <summary>The labelled quantity (default: direction for classification, return for regression).</summary>
    public LabelKind Kind { get; init; } = Task == ModelTask.Classification ? LabelKind.Direction : LabelKind.Return;

    /// <summary>Parses "direction:4" / "return:4" / "triple-barrier:26" (horizon in bars); bad text is an <see cref="InputException"/>.</summary>
    public static LabelSpec Parse(string text, string option = "--label")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var kind = parts[0] switch
        {
            "direction" => LabelKind.Direction,
            "return" => LabelKind.Return,
            "triple-barrier" or "triple_barrier" => LabelKind.TripleBarrier,
            _ => throw new InputException($"{option}: '{text}' is not a label; expected direction:H, return:H or triple-barrier:H (H bars ahead)"),
        };
        var h = 1;
        if (parts.Length > 2 || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out h) || h < 1)))
        {
            throw new InputException($"{option}: '{text}' is not a label; expected direction:H, return:H or triple-barrier:H with H a whole number of bars >= 1");
        }

        return new LabelSpec(kind == LabelKind.Return ? ModelTask.Regression : ModelTask.Classification, h) { Kind = kind };
    }

    /// <summary>The text form.</summary>
    public override string ToString() => Kind switch
    {
        LabelKind.Direction => "direction:",
        LabelKind.Return => "return:",
        _ => "triple-barrier:",
    } + Horizon.ToString(CultureInfo.InvariantCulture);
}
