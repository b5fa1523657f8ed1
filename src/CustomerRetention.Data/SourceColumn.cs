using System.Data.Common;
using System.Globalization;
using System.Numerics;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// One column of a <see cref="DbDataReader"/> read as a part of a transaction: found by name (exactly,
/// else ignoring case), its type checked once against what the part allows, then read row by row with a
/// typed getter. Every problem is a <see cref="DataSourceException"/> naming the column.
/// </summary>
internal readonly struct SourceColumn
{
    private readonly Kind _kind;
    private readonly decimal _scaleZero;

    private SourceColumn(string name, int ordinal, Kind kind, int declaredScale)
    {
        Name = name;
        Ordinal = ordinal;
        _kind = kind;
        _scaleZero = new decimal(0, 0, 0, false, (byte)declaredScale);
    }

    private enum Kind
    {
        Text,
        Int16,
        Int32,
        Int64,
        Guid,
        Date,
        DateTime,
        DateTimeOffset,
        Decimal,
        Double,
        Single,
        BigInteger,
        BoxedInteger,
        Other,
    }

    /// <summary>The column's name as the source spells it.</summary>
    public string Name { get; }

    /// <summary>The column's ordinal.</summary>
    public int Ordinal { get; }

    /// <summary>The column <paramref name="name"/> of <paramref name="reader"/>, which must hold customer ids (text, an integer or a UUID).</summary>
    public static SourceColumn CustomerId(DbDataReader reader, string name, string source) =>
        Find(reader, name, source, "a customer id (text, an integer or a UUID)", Kind.Text, Kind.Int16, Kind.Int32, Kind.Int64, Kind.Guid);

    /// <summary>The column <paramref name="name"/> of <paramref name="reader"/>, which must hold dates (a date or timestamp type).</summary>
    public static SourceColumn Date(DbDataReader reader, string name, string source) =>
        Find(reader, name, source, "a date or timestamp", Kind.Date, Kind.DateTime, Kind.DateTimeOffset);

    /// <summary>The column <paramref name="name"/> of <paramref name="reader"/>, which must hold amounts (a numeric type).</summary>
    public static SourceColumn Amount(DbDataReader reader, string name, string source) =>
        Find(reader, name, source, "a number", Kind.Decimal, Kind.Double, Kind.Single, Kind.Int16, Kind.Int32, Kind.Int64, Kind.BigInteger);

    /// <summary>The column <paramref name="name"/> of <paramref name="reader"/>, which must hold whole counts (an integer or a decimal type).</summary>
    public static SourceColumn Count(DbDataReader reader, string name, string source) =>
        Find(reader, name, source, "a whole number", Kind.Int16, Kind.Int32, Kind.Int64, Kind.BigInteger, Kind.Decimal);

    /// <summary>The customer id of the current row, or null when it is NULL.</summary>
    public string? ReadCustomerId(DbDataReader reader) => reader.IsDBNull(Ordinal) ? null : _kind switch
    {
        Kind.Text => reader.GetString(Ordinal),
        Kind.Int16 => reader.GetInt16(Ordinal).ToString(CultureInfo.InvariantCulture),
        Kind.Int32 => reader.GetInt32(Ordinal).ToString(CultureInfo.InvariantCulture),
        Kind.Int64 => reader.GetInt64(Ordinal).ToString(CultureInfo.InvariantCulture),
        Kind.Guid => reader.GetGuid(Ordinal).ToString("D"),
        _ => Convert.ToString(reader.GetValue(Ordinal), CultureInfo.InvariantCulture),
    };

    /// <summary>The date of the current row (the calendar date of a timestamp), or null when it is NULL.</summary>
    public LocalDate? ReadDate(DbDataReader reader)
    {
        if (reader.IsDBNull(Ordinal))
        {
            return null;
        }

        DateTime value = _kind switch
        {
#if NET8_0_OR_GREATER
            Kind.Date => reader.GetFieldValue<DateOnly>(Ordinal).ToDateTime(TimeOnly.MinValue),
#else
            Kind.Date => reader.GetDateTime(Ordinal),
#endif
            Kind.DateTimeOffset => reader.GetFieldValue<DateTimeOffset>(Ordinal).DateTime,
            _ => reader.GetDateTime(Ordinal),
        };
        return new LocalDate(value.Year, value.Month, value.Day);
    }

    /// <summary>
    /// The amount of the current row, exactly for decimal and integer types; a floating-point value is
    /// converted to the nearest decimal of 15 significant digits. False with <paramref name="problem"/>
    /// when it is NULL, not finite, or beyond the range of <see cref="decimal"/>.
    /// </summary>
    public bool TryReadAmount(DbDataReader reader, out decimal amount, out string? problem)
    {
        amount = 0m;
        if (reader.IsDBNull(Ordinal))
        {
            problem = "NULL";
            return false;
        }

        switch (_kind)
        {
            case Kind.Decimal:
                try
                {
                    // Adding a zero of the column's declared scale restores trailing zeros a provider dropped
                    // (DuckDB.NET returns DECIMAL(38,2)'s 43.70 as 43.7); it never removes digits.
                    amount = reader.GetDecimal(Ordinal) + _scaleZero;
                    problem = null;
                    return true;
                }
                catch (Exception e) when (e is InvalidCastException or OverflowException)
                {
                    // PostgreSQL's numeric NaN and ±Infinity, or more digits than a decimal holds.
                    problem = "not a finite number within the range of a decimal (" + e.Message + ")";
                    return false;
                }

            case Kind.Double:
            case Kind.Single:
                double d = _kind == Kind.Double ? reader.GetDouble(Ordinal) : reader.GetFloat(Ordinal);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    problem = d.ToString(CultureInfo.InvariantCulture) + " is not a finite number";
                    return false;
                }

                if (Math.Abs(d) >= 7.9e28)
                {
                    problem = d.ToString("R", CultureInfo.InvariantCulture) + " is beyond the range of a decimal";
                    return false;
                }

                amount = (decimal)d;
                problem = null;
                return true;

            case Kind.Int16:
                amount = reader.GetInt16(Ordinal);
                problem = null;
                return true;

            case Kind.Int32:
                amount = reader.GetInt32(Ordinal);
                problem = null;
                return true;

            case Kind.Int64:
                amount = reader.GetInt64(Ordinal);
                problem = null;
                return true;

            case Kind.BoxedInteger:
                amount = Convert.ToDecimal(reader.GetValue(Ordinal), CultureInfo.InvariantCulture);
                problem = null;
                return true;

            default:
                var big = reader.GetFieldValue<BigInteger>(Ordinal);
                if (BigInteger.Abs(big) > new BigInteger(decimal.MaxValue))
                {
                    problem = big.ToString(CultureInfo.InvariantCulture) + " is beyond the range of a decimal";
                    return false;
                }

                amount = (decimal)big;
                problem = null;
                return true;
        }
    }

    /// <summary>The whole count of the current row; false with <paramref name="problem"/> when it is NULL, negative, fractional or too large.</summary>
    public bool TryReadCount(DbDataReader reader, out long count, out string? problem)
    {
        count = 0;
        if (reader.IsDBNull(Ordinal))
        {
            problem = "NULL";
            return false;
        }

        decimal value;
        switch (_kind)
        {
            case Kind.Int16:
                value = reader.GetInt16(Ordinal);
                break;
            case Kind.Int32:
                value = reader.GetInt32(Ordinal);
                break;
            case Kind.Int64:
                value = reader.GetInt64(Ordinal);
                break;
            case Kind.Decimal:
                value = reader.GetDecimal(Ordinal);
                break;
            case Kind.BoxedInteger:
                value = Convert.ToDecimal(reader.GetValue(Ordinal), CultureInfo.InvariantCulture);
                break;
            default:
                var big = reader.GetFieldValue<BigInteger>(Ordinal);
                value = big >= long.MinValue && big <= long.MaxValue ? (long)big : decimal.MaxValue;
                break;
        }

        if (value < 0 || value != decimal.Truncate(value) || value > long.MaxValue)
        {
            problem = value.ToString(CultureInfo.InvariantCulture) + " is not a whole count of at least 0";
            return false;
        }

        count = (long)value;
        problem = null;
        return true;
    }

    private static SourceColumn Find(DbDataReader reader, string name, string source, string expected, params Kind[] allowed)
    {
        int ordinal = -1;
        for (int i = 0; i < reader.FieldCount && ordinal < 0; i++)
        {
            ordinal = string.Equals(reader.GetName(i), name, StringComparison.Ordinal) ? i : -1;
        }

        for (int i = 0; i < reader.FieldCount && ordinal < 0; i++)
        {
            ordinal = string.Equals(reader.GetName(i), name, StringComparison.OrdinalIgnoreCase) ? i : -1;
        }

        if (ordinal < 0)
        {
            IEnumerable<string> names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName);
            throw new DataSourceException(source, 0, null, null, name, "no such column (the columns are " + string.Join(", ", names) + ")");
        }

        string actual = reader.GetName(ordinal);
        Kind kind = KindOf(reader.GetFieldType(ordinal));
        if (Array.IndexOf(allowed, kind == Kind.BoxedInteger ? Kind.Int64 : kind) < 0)
        {
            throw new DataSourceException(source, 0, null, null, actual, $"its type is {reader.GetDataTypeName(ordinal)}, not {expected}");
        }

        return new SourceColumn(actual, ordinal, kind, kind == Kind.Decimal ? DeclaredScale(reader, ordinal) : 0);
    }

    /// <summary>The number of decimals the column's type declares (NUMERIC(p, s)'s s), 0 when the provider does not say.</summary>
    private static int DeclaredScale(DbDataReader reader, int ordinal)
    {
        try
        {
            using System.Data.DataTable? schema = reader.GetSchemaTable();
            if (schema is null || !schema.Columns.Contains("NumericScale") || ordinal >= schema.Rows.Count)
            {
                return 0;
            }

            object value = schema.Rows[ordinal]["NumericScale"];
            int scale = value is null || value is DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
            return scale is >= 0 and <= 28 ? scale : 0;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidCastException or OverflowException or FormatException)
        {
            return 0;
        }
    }

    private static Kind KindOf(Type type) => type.FullName switch
    {
        "System.String" => Kind.Text,
        "System.Int16" => Kind.Int16,
        "System.Int32" => Kind.Int32,
        "System.Int64" => Kind.Int64,
        "System.Byte" or "System.SByte" or "System.UInt16" or "System.UInt32" or "System.UInt64" => Kind.BoxedInteger,
        "System.Guid" => Kind.Guid,
        "System.DateOnly" => Kind.Date,
        "System.DateTime" => Kind.DateTime,
        "System.DateTimeOffset" => Kind.DateTimeOffset,
        "System.Decimal" => Kind.Decimal,
        "System.Double" => Kind.Double,
        "System.Single" => Kind.Single,
        "System.Numerics.BigInteger" => Kind.BigInteger,
        _ => Kind.Other,
    };
}
