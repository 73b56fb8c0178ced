using System.Globalization;

namespace AlphaTrade.Optimization.Parameters;

/// <summary>
/// One value of a strategy parameter: an exact decimal number (integers included) or a name such as <c>ema</c>.
/// Numbers are held as <see cref="decimal"/> so that grids such as <c>0.1:1:0.1</c> step without binary drift.
/// The default value is the number 0.
/// </summary>
public readonly struct ParameterValue : IEquatable<ParameterValue>, IComparable<ParameterValue>
{
    private readonly decimal _number;
    private readonly string? _text;

    private ParameterValue(decimal number, string? text)
    {
        _number = number;
        _text = text;
    }

    /// <summary>A numeric value.</summary>
    public static ParameterValue Of(decimal number) => new(number, null);

    /// <summary>A named (non-numeric) value.</summary>
    public static ParameterValue Of(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new(0m, text);
    }

    /// <summary>True for a number, false for a name.</summary>
    public bool IsNumber => _text is null;

    /// <summary>True for a number without a fractional part.</summary>
    public bool IsInteger => _text is null && decimal.Truncate(_number) == _number;

    /// <summary>The number; throws for a named value.</summary>
    public decimal Number => _text is null ? _number : throw new InvalidOperationException($"Parameter value '{_text}' is a name, not a number.");

    /// <summary>The name, or null for a number.</summary>
    public string? Text => _text;

    /// <summary>The value as an <see cref="int"/>; throws unless it is an integer in range.</summary>
    public int ToInt32()
    {
        if (!IsInteger || _number < int.MinValue || _number > int.MaxValue)
        {
            throw new InvalidOperationException($"Parameter value '{this}' is not a 32-bit integer.");
        }

        return (int)_number;
    }

    /// <summary>The number as a <see cref="double"/> (nearest double); throws for a named value.</summary>
    public double ToDouble() => (double)Number;

    /// <summary>
    /// Canonical invariant text: numbers without trailing zeros (<c>0.50</c> prints as <c>0.5</c>, <c>5.0</c> as
    /// <c>5</c>), names as given.
    /// </summary>
    public override string ToString() => _text ?? FormatNumber(_number);

    /// <inheritdoc />
    public bool Equals(ParameterValue other) =>
        _text is null ? other._text is null && _number == other._number : string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParameterValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text is null ? _number.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>Numbers first, in numeric order; then names in ordinal order.</summary>
    public int CompareTo(ParameterValue other)
    {
        if (_text is null)
        {
            return other._text is null ? _number.CompareTo(other._number) : -1;
        }

        return other._text is null ? 1 : string.CompareOrdinal(_text, other._text);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ParameterValue left, ParameterValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ParameterValue left, ParameterValue right) => !left.Equals(right);

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    public static bool operator <(ParameterValue left, ParameterValue right) => left.CompareTo(right) < 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    public static bool operator <=(ParameterValue left, ParameterValue right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    public static bool operator >(ParameterValue left, ParameterValue right) => left.CompareTo(right) > 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    public static bool operator >=(ParameterValue left, ParameterValue right) => left.CompareTo(right) >= 0;

    internal static string FormatNumber(decimal value)
    {
        // The custom pattern drops the trailing zeros a decimal keeps from its scale (1.50m -> "1.5") and never
        // uses exponent notation; 28 optional digits cover every decimal scale.
        var s = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }
}
