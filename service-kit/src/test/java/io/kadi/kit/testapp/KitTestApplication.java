package io.kadi.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KitTestApplication {}
