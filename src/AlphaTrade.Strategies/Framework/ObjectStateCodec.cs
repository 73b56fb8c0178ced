using System.Reflection;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// Saves and restores the private state of objects from the indicator and statistics libraries (streaming
/// indicators, Kalman filters), which have no serialisation of their own: every instance field of primitive, enum,
/// struct, primitive-array or library-class type, recursively, in metadata order. Restoring writes into an object
/// built with the same parameters, so the shapes match; strings, delegates, records (shared metadata) and foreign
/// types are configuration, not state, and are left as constructed.
/// </summary>
internal static class ObjectStateCodec
{
    private const BindingFlags Fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    private static readonly Assembly[] StateAssemblies =
    [
        typeof(Indicators.IIndicatorStream).Assembly,
        typeof(Statistics.KalmanRegression).Assembly,
    ];

    public static void Write(BinaryWriter w, object value) => WriteObject(w, value, new HashSet<object>(ReferenceEqualityComparer.Instance));

    public static void Read(BinaryReader r, object target) => ReadObject(r, target, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static IEnumerable<FieldInfo> StateFields(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            chain.Add(t);
        }

        chain.Reverse();
        foreach (var t in chain)
        {
            foreach (var f in t.GetFields(Fields).OrderBy(f => f.MetadataToken))
            {
                if (IsState(f.FieldType))
                {
                    yield return f;
                }
            }
        }
    }

    private static bool IsState(Type t)
    {
        if (t.IsPrimitive || t.IsEnum)
        {
            return true;
        }

        if (t.IsArray)
        {
            var e = t.GetElementType()!;
            return t.GetArrayRank() == 1 && (e.IsPrimitive || e.IsEnum || IsLibraryType(e));
        }

        return IsLibraryType(t);
    }

    private static bool IsLibraryType(Type t) =>
        Array.IndexOf(StateAssemblies, t.Assembly) >= 0
        && !typeof(Delegate).IsAssignableFrom(t)
        && t.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is null;

    private static void WriteObject(BinaryWriter w, object o, HashSet<object> seen)
    {
        if (!o.GetType().IsValueType && !seen.Add(o))
        {
            return;
        }

        foreach (var f in StateFields(o.GetType()))
        {
            WriteValue(w, f.FieldType, f.GetValue(o));
        }
    }

    private static void WriteValue(BinaryWriter w, Type declared, object? v)
    {
        if (declared.IsPrimitive || declared.IsEnum)
        {
            WritePrimitive(w, v!);
            return;
        }

        w.Write(v is not null);
        if (v is null)
        {
            return;
        }

        if (v is Array a)
        {
            w.Write(a.Length);
            var e = declared.GetElementType()!;
            for (int i = 0; i < a.Length; i++)
            {
                WriteValue(w, e, a.GetValue(i));
            }

            return;
        }

        w.Write(v.GetType().FullName ?? string.Empty);
        WriteObject(w, v, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void WritePrimitive(BinaryWriter w, object v)
    {
        switch (v)
        {
            case double d: w.Write(d); break;
            case float f: w.Write(f); break;
            case bool b: w.Write(b); break;
            case char c: w.Write(c); break;
            case byte b8: w.Write(b8); break;
            case sbyte s8: w.Write(s8); break;
            case short s16: w.Write(s16); break;
            case ushort u16: w.Write(u16); break;
            case int i: w.Write(i); break;
            case uint u: w.Write(u); break;
            case long l: w.Write(l); break;
            case ulong ul: w.Write(ul); break;
            case Enum e: w.Write(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException($"Cannot save a field of type {v.GetType()}.");
        }
    }

    private static object ReadPrimitive(BinaryReader r, Type t)
    {
        if (t.IsEnum)
        {
            return Enum.ToObject(t, r.ReadInt64());
        }

        return Type.GetTypeCode(t) switch
        {
            TypeCode.Double => r.ReadDouble(),
            TypeCode.Single => r.ReadSingle(),
            TypeCode.Boolean => r.ReadBoolean(),
            TypeCode.Char => r.ReadChar(),
            TypeCode.Byte => r.ReadByte(),
            TypeCode.SByte => r.ReadSByte(),
            TypeCode.Int16 => r.ReadInt16(),
            TypeCode.UInt16 => r.ReadUInt16(),
            TypeCode.Int32 => r.ReadInt32(),
            TypeCode.UInt32 => r.ReadUInt32(),
            TypeCode.Int64 => r.ReadInt64(),
            TypeCode.UInt64 => r.ReadUInt64(),
            _ => throw new NotSupportedException($"Cannot restore a field of type {t}."),
        };
    }

    private static void ReadObject(BinaryReader r, object target, HashSet<object> seen)
    {
        if (!target.GetType().IsValueType && !seen.Add(target))
        {
            return;
        }

        foreach (var f in StateFields(target.GetType()))
        {
            object? current = f.GetValue(target);
            object? value = ReadValue(r, f.FieldType, current);
            f.SetValue(target, value);
        }
    }

    private static object? ReadValue(BinaryReader r, Type declared, object? current)
    {
        if (declared.IsPrimitive || declared.IsEnum)
        {
            return ReadPrimitive(r, declared);
        }

        if (!r.ReadBoolean())
        {
            return null;
        }

        if (declared.IsArray)
        {
            int n = r.ReadInt32();
            var e = declared.GetElementType()!;
            var a = current is Array c && c.Length == n ? c : Array.CreateInstance(e, n);
            for (int i = 0; i < n; i++)
            {
                a.SetValue(ReadValue(r, e, a.GetValue(i)), i);
            }

            return a;
        }

        string typeName = r.ReadString();
        if (current is null || !string.Equals(current.GetType().FullName, typeName, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Strategy state: expected an object of type {typeName}, found {current?.GetType().FullName ?? "null"}.");
        }

        // Structs are boxed copies: fill the box, then the caller stores it back into the field.
        ReadObject(r, current, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return current;
    }
}
