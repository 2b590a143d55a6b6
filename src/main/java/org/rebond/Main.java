package org.rebond; public class Main { public static void main(String[] a){} }
