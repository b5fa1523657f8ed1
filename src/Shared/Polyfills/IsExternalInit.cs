// Polyfill for netstandard2.0: lets records and init-only setters compile.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
