using System.Linq.Expressions;
using System.Reflection;

namespace CustomerRetention.TestKit;

/// <summary>
/// Makes a plausible non-null value of a type for the public-surface tests: empty collections,
/// default structs, a type's own static instances (<c>SegmentMap.Default</c>), or the result of its
/// simplest public constructor. Returns false when it cannot.
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 3;

    /// <summary>Tries to make a non-null value of <paramref name="type"/>.</summary>
    public static bool TryCreate(Type type, out object? value) => TryCreate(type, 0, out value);

    private static bool TryCreate(Type type, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth || type.IsGenericParameter || type.ContainsGenericParameters || type.IsPointer)
        {
            return false;
        }

        if (type.IsByRef)
        {
            return TryCreate(type.GetElementType()!, depth, out value);
        }

        if (type.IsByRefLike)
        {
            return false; // spans cannot be boxed, so reflection cannot pass them
        }

        if (type == typeof(string))
        {
            value = "x";
            return true;
        }

        if (type.IsEnum)
        {
            Array values = Enum.GetValues(type);
            value = values.Length > 0 ? values.GetValue(0) : Activator.CreateInstance(type);
            return true;
        }

        if (type.IsValueType)
        {
            value = Activator.CreateInstance(type);
            return true;
        }

        if (type.IsArray)
        {
            value = Array.CreateInstance(type.GetElementType()!, 0);
            return true;
        }

        if (type == typeof(object))
        {
            value = new object();
            return true;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return TryCreateDelegate(type, out value);
        }

        if (type == typeof(TextReader))
        {
            value = new StringReader(string.Empty);
            return true;
        }

        if (type == typeof(TextWriter))
        {
            value = new StringWriter();
            return true;
        }

        if (type == typeof(Stream))
        {
            value = new MemoryStream();
            return true;
        }

        if (type == typeof(System.Data.Common.DbDataReader))
        {
            value = new System.Data.DataTable().CreateDataReader();
            return true;
        }

        if (type == typeof(System.Data.Common.DbConnection))
        {
            value = new UnopenedDbConnection();
            return true;
        }

        if (type.IsInterface && type.IsGenericType)
        {
            return TryCreateCollection(type, out value);
        }

        return TryStaticInstance(type, out value) || TryConstruct(type, depth, out value);
    }

    private static bool TryCreateCollection(Type type, out object? value)
    {
        value = null;
        Type definition = type.GetGenericTypeDefinition();
        Type[] args = type.GetGenericArguments();
        if (args.Length == 1 && type.IsAssignableFrom(args[0].MakeArrayType()))
        {
            value = Array.CreateInstance(args[0], 0);
            return true;
        }

        if (args.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>)))
        {
            value = Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args));
            return true;
        }

        if (args.Length == 1 && definition == typeof(ISet<>))
        {
            value = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args));
            return true;
        }

        return false;
    }

    private static bool TryCreateDelegate(Type type, out object? value)
    {
        value = null;
        MethodInfo? invoke = type.GetMethod("Invoke");
        if (invoke is null || invoke.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            return false;
        }

        ParameterExpression[] parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        Expression body = invoke.ReturnType == typeof(void) ? Expression.Empty() : Expression.Default(invoke.ReturnType);
        value = Expression.Lambda(type, body, parameters).Compile();
        return true;
    }

    private static bool TryStaticInstance(Type type, out object? value)
    {
        value = null;
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            if (property.PropertyType == type && property.GetIndexParameters().Length == 0)
            {
                value = property.GetValue(null);
                if (value is not null)
                {
                    return true;
                }
            }
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.FieldType == type)
            {
                value = field.GetValue(null);
                if (value is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryConstruct(Type type, int depth, out object? value)
    {
        value = null;
        if (type.IsAbstract)
        {
            return false;
        }

        foreach (ConstructorInfo constructor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
        {
            ParameterInfo[] parameters = constructor.GetParameters();
            if (parameters.Any(p => p.ParameterType == type))
            {
                continue; // a copy constructor
            }

            var args = new object?[parameters.Length];
            bool ok = true;
            for (int i = 0; i < parameters.Length && ok; i++)
            {
                ok = TryCreate(parameters[i].ParameterType, depth + 1, out args[i]);
            }

            if (!ok)
            {
                continue;
            }

            try
            {
                value = constructor.Invoke(args);
                return true;
            }
            catch (TargetInvocationException)
            {
                // The sample arguments did not satisfy this constructor; try the next one.
            }
        }

        return false;
    }
}
