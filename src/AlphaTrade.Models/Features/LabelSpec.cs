using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Models.Features;

/// <summary>
/// What the model learns: <c>direction:H</c> (1 when the close H bars ahead is above today's close, classification)
/// or <c>return:H</c> (the H-bar forward log return, regression). The label ends H bars after its row.
/// </summary>
public sealed record LabelSpec(ModelTask Task, int Horizon)
{
    /// <summary>Parses "direction:4" / "return:4" (horizon in bars); bad text is an <see cref="InputException"/>.</summary>
    public static LabelSpec Parse(string text, string option = "--label")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var task = parts[0] switch
        {
            "direction" => ModelTask.Classification,
            "return" => ModelTask.Regression,
            _ => throw new InputException($"{option}: '{text}' is not a label; expected direction:H or return:H (H bars ahead)"),
        };
        var h = 1;
        if (parts.Length > 2 || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out h) || h < 1)))
        {
            throw new InputException($"{option}: '{text}' is not a label; expected direction:H or return:H with H a whole number of bars >= 1");
        }

        return new LabelSpec(task, h);
    }

    /// <summary>The text form.</summary>
    public override string ToString() => (Task == ModelTask.Classification ? "direction:" : "return:") + Horizon.ToString(CultureInfo.InvariantCulture);
}
