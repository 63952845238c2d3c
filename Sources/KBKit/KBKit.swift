// kb as a library: the layers a program needs to parse, store, search, import and export
// articles, under one import. See the Architecture article in KBKit.docc.
@_exported import KBModel
@_exported import KBParsing
@_exported import KBStore
@_exported import KBSearch
@_exported import KBPrinter
@_exported import KBExchange
